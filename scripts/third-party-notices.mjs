// ThirdPartyNotices.txt: the packages esbuild bundled into the shipped files and their licence
// texts, read from esbuild's metafile (what was really bundled, not what package.json lists).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The package folder (`node_modules/@scope/name`) of a bundled input path, or undefined for our own sources. */
export function packageFolderOf(input) {
  const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (!match) return undefined;
  return input.slice(0, match.index + match[0].length - 1).replace(/^\//, '');
}

/** The text of ThirdPartyNotices.txt for the inputs of some metafiles. */
export function thirdPartyNotices(root, metafiles, productName) {
  const folders = new Set();
  for (const metafile of metafiles) for (const input of Object.keys(metafile.inputs)) {
    const folder = packageFolderOf(input);
    if (folder) folders.add(folder);
  }
  const packages = [...folders].map((folder) => {
    const manifest = JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8'));
    return { name: manifest.name, version: manifest.version, license: licenseOf(manifest), homepage: homeOf(manifest), text: licenseText(join(root, folder)) };
  }).sort((a, b) => a.name.localeCompare(b.name));
  const missing = packages.filter((p) => !p.text);
  if (missing.length) throw new Error(`no licence text in ${missing.map((p) => p.name).join(', ')}: add it by hand before shipping`);
  const header = [
    `${productName} bundles the following open-source packages. Their licences follow.`,
    '',
    ...packages.map((p) => `- ${p.name} ${p.version} (${p.license})${p.homepage ? ` ${p.homepage}` : ''}`),
    '',
  ];
  const bodies = packages.map((p) => [`${'='.repeat(72)}`, `${p.name} ${p.version} — ${p.license}`, `${'='.repeat(72)}`, '', p.text.trim(), ''].join('\n'));
  return [...header, ...bodies].join('\n');
}

function licenseOf(manifest) {
  if (typeof manifest.license === 'string') return manifest.license;
  if (manifest.license?.type) return manifest.license.type;
  if (Array.isArray(manifest.licenses)) return manifest.licenses.map((l) => l.type ?? l).join(' OR ');
  return 'see licence text';
}

function homeOf(manifest) {
  const repo = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  const url = manifest.homepage ?? repo;
  return url
    ?.replace(/^git\+/, '')
    .replace(/\.git$/, '')
    .replace(/^github:/, 'https://github.com/')
    .replace(/^git@github\.com:/, 'https://github.com/')
    .replace(/^git:\/\//, 'https://');
}

function licenseText(folder) {
  const name = readdirSync(folder).find((f) => /^(licen[sc]e|copying)([-.][a-z0-9]+)?(\.(md|txt|markdown))?$/i.test(f));
  return name && existsSync(join(folder, name)) ? readFileSync(join(folder, name), 'utf8') : undefined;
}
