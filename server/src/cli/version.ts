// The CLI's version comes from package.json, bundled in at build time. Only the field is
// imported: esbuild then bundles that one value, not the whole extension manifest.
import { version } from '../../../package.json';

export const CLI_VERSION: string = version;
