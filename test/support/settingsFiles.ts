// Every settings file the tests have, for suites that run over all of them (the fuzz suite,
// the secret canary): the fixtures under test/fixtures, and the real-world corpus
// (MENDIX_EMAIL_CORPUS, default ../shared/corpus/real beside the checkout) under the names the
// tools recognise. Each comes with a path whose name says its kind.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
export const CORPUS_DIR = process.env.MENDIX_EMAIL_CORPUS ?? join(ROOT, '..', 'shared', 'corpus', 'real');

/** Corpus file → the name it has in its repository (the tools detect a kind by name). */
const CORPUS_NAME = (file: string) => file.split('.').slice(-2).join('.').replace(/^dev\.env$/, '.env').replace(/^m2ee\.m2ee\.yaml$/, 'm2ee.yaml');

export interface SettingsFile {
  /** a stable label for messages */
  label: string;
  /** a path whose name is the file's real name (`/fixtures/…/model/config.json`) */
  path: string;
  text: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const NOT_SETTINGS = /(\.fixed|\.expected\.json|\.options\.json|README\.md|sarif-schema[^/]*\.json)$/;

export function settingsFiles(): SettingsFile[] {
  const fixturesDir = join(ROOT, 'test', 'fixtures');
  const out: SettingsFile[] = walk(fixturesDir)
    .filter((f) => !NOT_SETTINGS.test(f))
    .map((f) => ({ label: relative(ROOT, f), path: `/ws/${relative(fixturesDir, f)}`, text: readFileSync(f, 'utf8') }));
  if (existsSync(CORPUS_DIR)) {
    for (const name of readdirSync(CORPUS_DIR)) {
      if (name === 'README.md') continue;
      const real = /m2ee\.ya?ml$/.test(name) ? 'm2ee.yaml' : /docker-compose[^/]*\.yml$/.test(name) ? name.slice(name.indexOf('docker-compose')) : name.endsWith('.env') ? '.env' : CORPUS_NAME(name);
      out.push({ label: `corpus/${name}`, path: `/ws/corpus/${name}/${real}`, text: readFileSync(join(CORPUS_DIR, name), 'utf8') });
    }
  }
  return out;
}
