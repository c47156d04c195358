// The CLI's version and home page come from package.json, bundled in at build time.
import manifest from '../../../package.json';

interface Manifest {
  version: string;
  homepage?: string;
  repository?: string | { url?: string };
}

const pkg = manifest as Manifest;

export const CLI_VERSION: string = pkg.version;

/** The project's public page when package.json names one (SARIF informationUri). */
export const HOME_PAGE: string | undefined =
  pkg.homepage ?? (typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url?.replace(/^git\+/, '').replace(/\.git$/, ''));
