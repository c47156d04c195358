// The file-kind table (server/src/core/fileKinds.ts) is the one place that says what each kind
// of settings file is: these tests hold the client's selector and name tests, package.json's
// activation and languages, the server's reader and the comment and directive writers to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FILE_KINDS, FILE_KIND_NAMES, PROJECT_CONFIG, SNIFFED_YAML } from '../../../server/src/core/fileKinds';
import type { FileKind } from '../../../server/src/core/types';
import { readSettingsFile } from '../../../server/src/sources/index';
import { classifyByName } from '../../../server/src/sources/detect';
import { compileGlob } from '../../../server/src/config/globMatch';
import { canDisableWithComment, disableForLineEdit } from '../../../server/src/features/codeActions';
import { resolveTarget } from '../../../server/src/settings/target';
import { CLOUD_SCHEME } from '../../../server/src/cloud/uri';
import { PROJECT_CONFIG_FILE } from '../../../server/src/config/projectConfig';
import { isSettingsDocument, isSettingsFileName, SETTINGS_FILE_GLOBS } from '../../../client/src/settingsFiles';
import { documentSelector, statusSelector } from '../../../client/src/documentSelector';
import { targetDirectiveLine } from '../../../client/src/targetDirective';
import { offsetOf } from '../sources/helpers';

const root = join(__dirname, '..', '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'sources');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** One document of every kind, as the editor would open it. */
interface Sample {
  path: string;
  scheme: string;
  language: string;
  text: string;
}

const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const SAMPLES: Record<FileKind, Sample> = {
  m2ee: { path: '/p/m2ee.yaml', scheme: 'file', language: 'yaml', text: fixture('m2ee.yaml') },
  'cf-manifest': { path: '/p/manifest.yml', scheme: 'file', language: 'yaml', text: fixture('manifest.yml') },
  compose: { path: '/p/docker-compose.yml', scheme: 'file', language: 'dockercompose', text: fixture('docker-compose.yml') },
  dotenv: { path: '/p/.env', scheme: 'file', language: 'plaintext', text: fixture('.env') },
  // found by their text alone: names that say nothing
  'mendix-app': { path: '/p/deploy/app.yaml', scheme: 'file', language: 'yaml', text: fixture('mendixapp.yaml') },
  kubernetes: { path: '/p/deploy/shop.yaml', scheme: 'file', language: 'yaml', text: fixture('kubernetes.yaml') },
  'metadata-json': { path: '/p/model/metadata.json', scheme: 'file', language: 'json', text: fixture('metadata.json') },
  'config-json': { path: '/p/model/config.json', scheme: 'file', language: 'json', text: fixture('config.json') },
  'constants-java': { path: '/p/javasource/mail/proxies/constants/Constants.java', scheme: 'file', language: 'java', text: fixture('Constants.java') },
  'mendix-cloud': {
    path: 'mendix-cloud://calc/Production',
    scheme: 'mendix-cloud',
    language: 'yaml',
    text: '# mendix-email: target=mendix-cloud\n# mendix-cloud: app=calc environment=Production production=true\nMail.SMTPHost: smtp.example.com\nMail.SMTPPort: 587\n',
  },
};

function applyEdit(text: string, edit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }): string {
  return text.slice(0, offsetOf(text, edit.range.start)) + edit.newText + text.slice(offsetOf(text, edit.range.end));
}

type Filter = { scheme?: string; pattern?: string; language?: string };

/** VS Code's document-filter test, with the project's glob engine for patterns. */
function selects(filters: readonly Filter[], doc: Sample): boolean {
  return filters.some(
    (f) =>
      (f.scheme === undefined || f.scheme === doc.scheme) &&
      (f.language === undefined || f.language === doc.language) &&
      (f.pattern === undefined || compileGlob(f.pattern).match!(doc.path)),
  );
}

test('every kind has a sample that the server reads as that kind', () => {
  for (const kind of FILE_KIND_NAMES) {
    const { path, text, language } = SAMPLES[kind];
    assert.equal(readSettingsFile(path, text, language)?.kind, kind, kind);
  }
});

test('every kind\'s documents reach the server: the document selector matches them and the client passes them on', () => {
  for (const kind of FILE_KIND_NAMES) {
    const doc = SAMPLES[kind];
    assert.ok(selects(documentSelector as Filter[], doc), `selector: ${kind}`);
    if (doc.scheme === 'file') assert.ok(isSettingsDocument(doc.path, doc.language, () => doc.text), `client: ${kind}`);
  }
  assert.ok(selects(documentSelector as Filter[], { path: '/p/.mendix-email.json', scheme: 'file', language: 'jsonc', text: '{}' }));
});

test("the client's document selector is what the table derives, and nothing besides", () => {
  const kinds = Object.values(FILE_KINDS);
  const expected: Filter[] = [
    ...kinds.flatMap((k) => (k.scheme ? [{ scheme: k.scheme }] : [])),
    ...kinds.flatMap((k) => k.editorGlobs.map((pattern) => ({ scheme: 'file', pattern }))),
    { scheme: 'file', pattern: PROJECT_CONFIG.glob },
    { scheme: 'file', pattern: SNIFFED_YAML.glob },
    ...SNIFFED_YAML.languages.map((language) => ({ scheme: 'file', language })),
  ];
  const key = (f: Filter) => JSON.stringify([f.scheme, f.pattern, f.language]);
  assert.deepEqual((documentSelector as Filter[]).map(key).sort(), expected.map(key).sort());
  // the status item: the settings files, not the project config
  assert.ok(!statusSelector.some((f) => f.pattern === PROJECT_CONFIG.glob));
  for (const glob of kinds.flatMap((k) => k.editorGlobs)) assert.ok(statusSelector.some((f) => f.pattern === glob), glob);
});

test("package.json activates on every kind's patterns, and on nothing no kind claims", () => {
  // not a file: the Mendix Cloud view in the explorer starts the extension when it is opened
  const NOT_A_FILE = ['onView:mendixEmail.cloud'];
  const claimed = [
    ...SETTINGS_FILE_GLOBS.map((glob) => `workspaceContains:${glob}`),
    ...Object.values(FILE_KINDS).flatMap((k) => k.activation),
    ...NOT_A_FILE,
  ];
  assert.deepEqual([...(manifest.activationEvents as string[])].sort(), [...new Set(claimed)].sort());
});

test("package.json's languages say what the dotenv and project-config rows say", () => {
  const languages: { id: string; extensions?: string[]; filenames?: string[]; filenamePatterns?: string[] }[] = manifest.contributes.languages;
  const dotenv = languages.find((l) => l.id === 'dotenv')!;
  assert.ok(FILE_KINDS.dotenv.activation.includes(`onLanguage:${dotenv.id}`));
  // every name VS Code gives the dotenv language is a name the dotenv row reads
  const names = [...(dotenv.filenames ?? []), ...(dotenv.extensions ?? []).map((e) => `mail${e}`), ...(dotenv.filenamePatterns ?? []).map((p) => p.replace('*', 'production'))];
  assert.ok(names.length >= 3);
  for (const name of names) {
    assert.ok(FILE_KINDS.dotenv.name!.test(name), name);
    assert.ok(compileGlob(FILE_KINDS.dotenv.editorGlobs[0]).match!(`/p/${name}`), name);
  }
  const config = languages.find((l) => l.filenames?.includes(PROJECT_CONFIG.name));
  assert.equal(config?.id, PROJECT_CONFIG.language);
  assert.equal(PROJECT_CONFIG_FILE, PROJECT_CONFIG.name);
});

test("the client's path test says what the globs say", () => {
  const paths = [
    '/a/m2ee.yaml', '/a/m2ee-prod.yml', '/a/m2eeyaml', '/a/manifest.yml', '/a/manifest-staging.yaml', '/a/my-manifest.yml',
    '/a/docker-compose.yml', '/a/compose.yaml', '/a/compose-dev.yml', '/a/docker-compose.override.yaml', '/a/composer.yml', '/a/compose.json',
    '/a/.env', '/a/.env.local', '/a/mail.env', '/a/env', '/a/x.envrc',
    '/a/model/metadata.json', '/a/model/config.json', '/a/metadata.json', '/a/src/config.json', '/a/model/sub/config.json',
    '/a/javasource/mail/proxies/constants/Constants.java', '/a/javasource/mail/proxies/Constants.java', '/a/Constants.java',
    '/a/.mendix-email.json', '/a/mendix-email.json', '/a/app.yaml', '/a/package.json',
  ];
  for (const path of paths) {
    const byGlob = SETTINGS_FILE_GLOBS.some((glob) => compileGlob(glob).match!(path));
    assert.equal(isSettingsFileName(path), byGlob, path);
  }
});

test('each reader but YAML reads one kind, and a name never names a kind of another reader', () => {
  for (const reader of new Set(Object.values(FILE_KINDS).map((k) => k.reader))) {
    if (reader === 'yaml') continue;
    assert.equal(FILE_KIND_NAMES.filter((k) => FILE_KINDS[k].reader === reader).length, 1, reader);
  }
  for (const kind of FILE_KIND_NAMES) {
    const byName = classifyByName(SAMPLES[kind].path);
    assert.equal(byName?.reader, kind === 'mendix-app' || kind === 'kubernetes' ? 'yaml' : FILE_KINDS[kind].reader, kind);
  }
  assert.equal(FILE_KINDS['mendix-cloud'].scheme, CLOUD_SCHEME);
});

test("each kind's comment syntax is what the disable-for-line action writes and the reader reads back", () => {
  for (const kind of FILE_KIND_NAMES) {
    const { path, text, language } = SAMPLES[kind];
    const read = readSettingsFile(path, text, language)!;
    const line = (read.scopes[0]?.assignments[0]?.keyRange ?? read.declarations[0]?.range).start.line;
    const leader = FILE_KINDS[kind].comment;
    const edit = disableForLineEdit(text, kind, line, 'invalid-port');
    if (!leader) {
      assert.equal(edit, undefined, kind);
      assert.equal(canDisableWithComment(text, kind, line), false, kind);
      continue;
    }
    assert.ok(edit, kind);
    assert.ok(edit.newText.trimStart().startsWith(`${leader} mendix-email-disable-next-line invalid-port`), `${kind}: ${edit.newText}`);
    const once = applyEdit(text, edit);
    const after = readSettingsFile(path, once, language)!;
    assert.ok(after.suppressions.some((s) => s.line === line + 1 && s.ruleIds.includes('invalid-port')), kind);
    // a second rule for the same line joins the comment the first one wrote
    const second = disableForLineEdit(once, kind, line + 1, 'invalid-address')!;
    const twice = readSettingsFile(path, applyEdit(once, second), language)!;
    assert.deepEqual(twice.suppressions.find((s) => s.line === line + 1)?.ruleIds, ['invalid-port', 'invalid-address'], kind);
  }
});

test("each kind's comment syntax is what the target picker's directive is written with, and the reader finds the directive", () => {
  for (const kind of FILE_KIND_NAMES) {
    const { path, text, language } = SAMPLES[kind];
    const line = targetDirectiveLine(kind, 'self-hosted');
    const leader = FILE_KINDS[kind].comment;
    if (!leader) {
      assert.equal(line, undefined, kind);
      continue;
    }
    assert.equal(line, `${leader} mendix-email: target=self-hosted\n`, kind);
    assert.equal(readSettingsFile(path, line + text, language)?.targetDirective?.target, 'self-hosted', kind);
  }
});

test("a file's target without directive or config is its kind's default target", () => {
  for (const kind of FILE_KIND_NAMES) {
    const { path, text, language } = SAMPLES[kind];
    const read = readSettingsFile(path, text.replace(/^# mendix-email: target=.*\n/m, ''), language)!;
    const resolved = resolveTarget(read, path, { defaultTarget: 'free-app' });
    const expected = FILE_KINDS[kind].defaultTarget;
    assert.equal(resolved.target, expected ?? 'free-app', kind);
    assert.equal(resolved.source, expected ? 'file-kind' : 'default', kind);
  }
});

test("package.json's grammars colour constants in exactly the grammars the kinds are shown with", () => {
  const grammars: { injectTo?: string[]; scopeName: string; language?: string }[] = manifest.contributes.grammars;
  const injected = new Set(grammars.flatMap((g) => g.injectTo ?? []));
  const claimed = new Set(Object.values(FILE_KINDS).flatMap((k) => k.grammarScopes));
  assert.deepEqual([...injected].sort(), [...claimed].sort());
  // our own dotenv grammar is one of them, for the language of our own
  const ownDotenv = grammars.find((g) => g.language)!;
  assert.ok(FILE_KINDS.dotenv.grammarScopes.includes(ownDotenv.scopeName));
});
