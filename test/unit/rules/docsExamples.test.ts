// The examples on each rule's page are real: the "Bad" one triggers the rule, the "Good" one
// does not (checked through the readers, under the file name the snippet's shape implies).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDocument } from '../../../server/src/engine/check';
import type { CheckOptions } from '../../../server/src/core/settings';
import { rules } from '../../../server/src/registry/rules';
import { readReferenced } from '../../../server/src/services/readFile';

const root = join(__dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'mendix-email-docs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// every rule that works offline and has a page (the DNS rules' examples need a zone: test/dns/)
const RULES = rules.filter((r) => !r.needsNetwork).map((r) => r.id);
const PAGES = readdirSync(join(root, 'docs', 'rules')).map((name) => name.replace(/\.md$/, ''));

// unknown-constant judges against the app's declarations: the examples' app declares Mail.SMTPPort
const DECLARED: CheckOptions = {
  declarations: ['Mail.SMTPHost', 'Mail.SMTPPort', 'Mail.FromAddress'].map((name) => ({ name, file: '/app/model/metadata.json', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } })),
};

test('every offline rule has a page whose examples are checked here', () => {
  assert.ok(RULES.length >= 25, RULES.join(', '));
  for (const id of RULES) assert.ok(PAGES.includes(id), `docs/rules/${id}.md`);
});

function example(page: string, section: 'Bad' | 'Good'): { lang: string; code: string } {
  // the first code block of the section (a sentence may come before it)
  const body = page.split(`\n## ${section}\n`)[1]?.split('\n## ')[0] ?? '';
  const m = /```(\w+)\n([\s\S]*?)\n```/.exec(body);
  assert.ok(m, `no ${section} example`);
  return { lang: m[1], code: `${m[2]}\n` };
}

function fileNameFor({ lang, code }: { lang: string; code: string }): string {
  if (lang === 'bash') return '.env';
  if (/^# mendix-cloud:/m.test(code)) return 'environment.yaml';
  if (code.includes('kind: MendixApp')) return 'mendixapp.yaml';
  if (/^applications:/m.test(code)) return 'manifest.yml';
  if (/^services:/m.test(code)) return 'docker-compose.yml';
  if (/^mxruntime:/m.test(code)) return 'm2ee.yaml';
  throw new Error(`cannot tell the file kind of:\n${code}`);
}

for (const id of RULES) {
  test(`docs/rules/${id}.md: the bad example triggers it, the good one does not`, () => {
    const page = readFileSync(join(root, 'docs', 'rules', `${id}.md`), 'utf8');
    for (const section of ['Bad', 'Good'] as const) {
      const ex = example(page, section);
      const path = join(dir, `${id}-${section}`, fileNameFor(ex));
      // env-file-not-read: the env_file goes through the one reader, which refuses /dev/zero
      const options = id === 'unknown-constant' ? DECLARED : id === 'env-file-not-read' ? { readReferencedFile: (p: string) => readReferenced(p) } : {};
      const findings = checkDocument({ path, text: ex.code }, options)?.findings ?? [];
      const found = findings.filter((f) => f.ruleId === id);
      const all = findings.map((f) => `${f.ruleId}: ${f.message}`);
      if (section === 'Bad') assert.ok(found.length > 0, `bad example of ${id} is not reported (${path}: ${JSON.stringify(all)})`);
      else assert.deepEqual(found.map((f) => f.message), [], `good example of ${id} is reported`);
    }
  });
}
