// The examples on each rule's page are real: the "Bad" one triggers the rule, the "Good" one
// does not (checked through the readers, under the file name the snippet's shape implies).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDocument } from '../../../server/src/engine/check';

const root = join(__dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'mendix-email-docs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// the rules of the language-server issue; later rules can join this list once their examples are files
const RULES = [
  'port-25-on-mendix-cloud', 'mendix-mail-server-unavailable', 'invalid-port', 'missing-credentials', 'sender-noreply',
  'address-without-domain', 'invalid-address', 'reserved-domain', 'placeholder-domain', 'invalid-constants-json',
  'invalid-env-name', 'syntax-error',
];

function example(page: string, section: 'Bad' | 'Good'): { lang: string; code: string } {
  const m = new RegExp(`## ${section}\\n\\n\`\`\`(\\w+)\\n([\\s\\S]*?)\\n\`\`\``).exec(page);
  assert.ok(m, `no ${section} example`);
  return { lang: m[1], code: `${m[2]}\n` };
}

function fileNameFor({ lang, code }: { lang: string; code: string }): string {
  if (lang === 'bash') return '.env';
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
      const found = checkDocument({ path, text: ex.code })?.findings.filter((f) => f.ruleId === id) ?? [];
      const all = checkDocument({ path, text: ex.code })?.findings.map((f) => `${f.ruleId}: ${f.message}`);
      if (section === 'Bad') assert.ok(found.length > 0, `bad example of ${id} is not reported (${path}: ${JSON.stringify(all)})`);
      else assert.deepEqual(found.map((f) => f.message), [], `good example of ${id} is reported`);
    }
  });
}
