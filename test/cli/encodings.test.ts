// Files saved as UTF-16 (little or big endian) or UTF-8 with a byte order mark, as Windows
// tools write them: `mendix-email check` reads them like the plain UTF-8 file and reports the
// same findings at the same lines and columns (they were "not a text file (it contains NUL bytes)").
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, makeTree, parseJsonReport, removeTree, runCli } from './support/cli';

const ENV = 'MX_Mail_SMTPHost=smtp.example.com\r\nMX_Mail_SMTPPort=abc\nMX_Mail_SMTPPassword=hünter2hünter2\nMX_Mail_FromAddress=noreply@example.com\n';
const M2EE = 'mxruntime:\n  MicroflowConstants:\n    Mail.SMTPHost: smtp.example.com\n    Mail.FromAddress: "é😀@example.com"\n    Mail.SMTPPort: 25\n';
let dir = '';

function utf16(text: string, order: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  if (order === 'be') le.swap16();
  return Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), le]);
}

before(() => {
  ensureBuilt();
  dir = makeTree({});
  for (const [name, text] of [['.env', ENV], ['m2ee.yaml', M2EE]]) {
    writeFileSync(join(dir, `plain-${name}`.replace('plain-.env', 'plain.env')), text);
    writeFileSync(join(dir, `bom8-${name}`.replace('bom8-.env', 'bom8.env')), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    writeFileSync(join(dir, `le-${name}`.replace('le-.env', 'le.env')), utf16(text, 'le'));
    writeFileSync(join(dir, `be-${name}`.replace('be-.env', 'be.env')), utf16(text, 'be'));
  }
});
after(() => removeTree(dir));

test('UTF-16LE, UTF-16BE and UTF-8 with a BOM: the findings and ranges of the plain UTF-8 file', async () => {
  const findings = parseJsonReport(await runCli(['check', '.', '--format', 'json'], dir));
  assert.ok(!findings.some((f) => /NUL bytes/.test(f.message)), 'none is "not a text file"');
  for (const kind of ['.env', 'm2ee.yaml']) {
    const plainName = kind === '.env' ? 'plain.env' : 'plain-m2ee.yaml';
    const of = (file: string) => findings.filter((f) => f.file === file).map((f) => `${f.ruleId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn}`);
    const plain = of(plainName);
    assert.ok(plain.length >= 2, plain.join());
    for (const prefix of ['bom8', 'le', 'be']) {
      const name = kind === '.env' ? `${prefix}.env` : `${prefix}-m2ee.yaml`;
      assert.deepEqual(of(name), plain, name);
    }
  }
});
