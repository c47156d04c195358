// `check --fix` / `--fix-dry-run` through the built CLI. --fix applies exactly the editor's
// fix-all (the safe first fixes): on the rule fixtures whose fixes are all safe it gives the
// `.fixed` file; where a fix is not safe (it needs a person: a password moved to a secret, a
// port changed) the file is left as it was. Passwords are never written and never shown.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkDocument } from '../../server/src/engine/check';
import { FileFixer, MASK } from '../../server/src/cli/fixFiles';
import { ensureBuilt, makeTree, removeTree, runCli } from './support/cli';

const RULE_FIXTURES = join(__dirname, '..', 'fixtures', 'rules');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every fixture with a `.fixed` expectation, and whether all its first fixes are safe. */
const cases = filesUnder(RULE_FIXTURES)
  .filter((f) => f.endsWith('.fixed'))
  .map((fixed) => {
    const file = fixed.slice(0, -'.fixed'.length);
    const result = checkDocument({ path: file, text: readFileSync(file, 'utf8') });
    const firstFixes = (result?.findings ?? []).flatMap((f) => (f.fixes?.length ? [f.fixes[0]] : []));
    return { file: relative(RULE_FIXTURES, file), allSafe: firstFixes.length > 0 && firstFixes.every((x) => x.safe && !x.otherFiles?.length) };
  });

let dir: string;
before(() => {
  ensureBuilt();
  dir = makeTree({});
  cpSync(RULE_FIXTURES, dir, { recursive: true });
});
after(() => removeTree(dir));

describe('--fix on the rule fixtures', () => {
  it('gives the .fixed file where every fix is safe, and leaves the rest alone', async () => {
    assert.ok(cases.filter((c) => c.allSafe).length >= 5, 'enough fixtures with safe fixes');
    assert.ok(cases.some((c) => !c.allSafe), 'and some without');
    const run = await runCli(['check', '--offline', '--fix', '--format', 'json', ...cases.map((c) => c.file)], dir);
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    for (const c of cases) {
      const now = readFileSync(join(dir, c.file), 'utf8');
      if (c.allSafe) {
        assert.equal(now, readFileSync(join(RULE_FIXTURES, `${c.file}.fixed`), 'utf8'), `${c.file}: the .fixed text`);
        assert.match(run.stderr, new RegExp(`${c.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: fixed \\d+ problems? \\(`), `${c.file}: reported`);
      } else {
        assert.equal(now, readFileSync(join(RULE_FIXTURES, c.file), 'utf8'), `${c.file}: unsafe fixes are not applied`);
      }
    }
    // the report holds what is left: the fixed findings are gone
    const report = JSON.parse(run.stdout) as { file: string; ruleId: string }[];
    for (const c of cases.filter((x) => x.allSafe)) assert.ok(!report.some((f) => f.file === c.file && f.ruleId === 'constant-overridden'), c.file);
  });
});

describe('--fix keeps the file as it was around the fix', () => {
  it('a byte order mark and CRLF line ends stay', async () => {
    const text = '\uFEFFMX_Mail_SMTPHost=old.example.org\r\nMX_Mail_SMTPPort=587\r\nMX_Mail_SMTPHost=smtp.example.org\r\n';
    const tree = makeTree({ '.env': text });
    try {
      const run = await runCli(['check', '--offline', '--fix'], tree);
      assert.match(run.stderr, /\.env: fixed 1 problem \(constant-overridden\)/, run.stdout + run.stderr);
      assert.equal(readFileSync(join(tree, '.env'), 'utf8'), '\uFEFFMX_Mail_SMTPPort=587\r\nMX_Mail_SMTPHost=smtp.example.org\r\n');
    } finally {
      removeTree(tree);
    }
  });
});

describe('--fix keeps the file\'s encoding', () => {
  // the same .env in each encoding: the first host is overridden, and --fix removes it
  const before = 'MX_Mail_SMTPHost=old.example.org\r\nMX_Mail_SMTPPort=587\r\nMX_Mail_SMTPHost=smtp.example.org\r\nMX_Mail_FromAddress=orders@mycompany.nl\r\n';
  const after = 'MX_Mail_SMTPPort=587\r\nMX_Mail_SMTPHost=smtp.example.org\r\nMX_Mail_FromAddress=orders@mycompany.nl\r\n';
  const utf16 = (text: string, order: 'le' | 'be') => {
    const bytes = Buffer.from(text, 'utf16le');
    if (order === 'be') bytes.swap16();
    return Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), bytes]);
  };

  it('UTF-16 LE and BE .env files stay UTF-16 with their BOM and CRLF; a UTF-8 m2ee.yaml keeps its BOM', async () => {
    const yamlBefore = '\uFEFFmxruntime:\n  MicroflowConstants:\n    Mail.SMTPHost: old.example.org\n    Mail.SMTPHost: smtp.example.org\n    Mail.FromAddress: orders@mycompany.nl\n';
    const yamlAfter = '\uFEFFmxruntime:\n  MicroflowConstants:\n    Mail.SMTPHost: smtp.example.org\n    Mail.FromAddress: orders@mycompany.nl\n';
    const tree = makeTree({});
    try {
      writeFileSync(join(tree, 'le.env'), utf16(before, 'le'));
      writeFileSync(join(tree, 'be.env'), utf16(before, 'be'));
      writeFileSync(join(tree, 'm2ee.yaml'), Buffer.from(yamlBefore, 'utf8'));
      const run = await runCli(['check', '--offline', '--fix', 'le.env', 'be.env', 'm2ee.yaml'], tree);
      for (const name of ['le.env', 'be.env', 'm2ee.yaml']) assert.match(run.stderr, new RegExp(`${name.replace('.', '\\.')}: fixed 1 problem \\(constant-overridden\\)`), run.stdout + run.stderr);
      assert.deepEqual(readFileSync(join(tree, 'le.env')), utf16(after, 'le'), 'UTF-16 LE with its BOM');
      assert.deepEqual(readFileSync(join(tree, 'be.env')), utf16(after, 'be'), 'UTF-16 BE with its BOM');
      assert.deepEqual(readFileSync(join(tree, 'm2ee.yaml')), Buffer.from(yamlAfter, 'utf8'), 'UTF-8 with its BOM');
    } finally {
      removeTree(tree);
    }
  });
});

describe('--fix-dry-run never shows a secret (settings/secrets.ts)', () => {
  it('not the encryption key, a password mapped in .mendix-email.json, nor a password as written (quoted, escaped)', async () => {
    const KEY = 'Enc-Key-0f-32-characters-for-aes';
    const MAPPED = 'Mapped-Secret-4711';
    const ESCAPED = 'Esc\\"aped-Secret-0815';
    const tree = makeTree({
      // each secret is set twice: the fix removes the overridden copy, and the diff shows that line
      'm2ee.yaml': `mxruntime:\n  MicroflowConstants:\n    Encryption.EncryptionKey: ${KEY}\n    Encryption.EncryptionKey: \${ENCRYPTION_KEY}\n    Relay.Secret: ${MAPPED}\n    Relay.Secret: \${RELAY_SECRET}\n    Mail.SMTPPassword: "${ESCAPED}"\n    Mail.SMTPPassword: \${SMTP_PASSWORD}\n    Mail.SMTPHost: smtp.mycompany.nl\n`,
      '.mendix-email.json': JSON.stringify({ roles: { 'Relay.Secret': 'password' } }),
    });
    try {
      const run = await runCli(['check', '--offline', '--fix-dry-run', 'm2ee.yaml'], tree);
      assert.match(run.stdout, /^--- a\/m2ee\.yaml$/m, run.stdout + run.stderr);
      assert.equal((run.stdout.match(/^- {4}\S+: "?\*{8}"?$/gm) ?? []).length, 3, run.stdout);
      for (const secret of [KEY, MAPPED, ESCAPED, ESCAPED.replace('\\', ''), 'aped-Secret-0815']) {
        for (const out of [run.stdout, run.stderr]) {
          assert.ok(!out.includes(secret), `${secret} shown:\n${out}`);
          assert.ok(!out.includes(Buffer.from(secret).toString('base64')));
        }
      }
    } finally {
      removeTree(tree);
    }
  });
});

describe('--fix-dry-run', () => {
  const SECRET = 'Old-Secret-4711';
  const TEXT = `mxruntime:\n  MicroflowConstants:\n    Mail.SMTPPassword: ${SECRET}\n    Mail.SMTPHost: smtp.example.org\n    Mail.SMTPPassword: \${SMTP_PASSWORD}\n`;

  it('prints a unified diff, changes nothing, and masks the password the fix removes', async () => {
    const tree = makeTree({ 'm2ee.yaml': TEXT });
    try {
      const run = await runCli(['check', '--offline', '--fix-dry-run'], tree);
      assert.equal(readFileSync(join(tree, 'm2ee.yaml'), 'utf8'), TEXT, 'nothing written');
      assert.match(run.stdout, /^--- a\/m2ee\.yaml\n\+\+\+ b\/m2ee\.yaml\n@@ -1,5 \+1,4 @@\n mxruntime:\n  {2}MicroflowConstants:\n- {4}Mail\.SMTPPassword: \*{8}\n {5}Mail\.SMTPHost/m);
      assert.ok(!run.stdout.includes(SECRET) && !run.stderr.includes(SECRET), 'the password is not shown');
      assert.ok(!run.stdout.includes(Buffer.from(SECRET).toString('base64')));
    } finally {
      removeTree(tree);
    }
  });

  it('with a JSON report, the diff goes to stderr and stdout stays JSON', async () => {
    const tree = makeTree({ 'm2ee.yaml': TEXT });
    try {
      const run = await runCli(['check', '--offline', '--fix-dry-run', '-f', 'json'], tree);
      assert.ok(Array.isArray(JSON.parse(run.stdout)));
      assert.match(run.stderr, /^--- a\/m2ee\.yaml$/m);
    } finally {
      removeTree(tree);
    }
  });

  it('says so when there is nothing safe to fix', async () => {
    const tree = makeTree({ 'm2ee.yaml': 'mxruntime:\n  MicroflowConstants:\n    Mail.SMTPPort: 25\n' });
    try {
      const run = await runCli(['check', '--offline', '--fix-dry-run'], tree);
      assert.equal(run.stdout.includes('---'), false);
      assert.match(run.stderr, /no safe fixes to apply/);
    } finally {
      removeTree(tree);
    }
  });
});

describe('FileFixer', () => {
  it('refuses a fix that would write a password into the file', () => {
    const tree = makeTree({ 'm2ee.yaml': 'mxruntime:\n  MicroflowConstants:\n    Mail.SMTPPassword: Hunter2-secret\n    Mail.SMTPHost: a\n    Mail.SMTPHost: b\n' });
    try {
      const path = join(tree, 'm2ee.yaml');
      const text = readFileSync(path, 'utf8');
      const result = checkDocument({ path, text })!;
      // a safe fix that copies the password elsewhere in the file (no rule does this; the guard must hold if one ever does)
      const leaky = result.findings.map((f, i) =>
        i === 0 ? { ...f, fixes: [{ title: 'leak', safe: true, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# Hunter2-secret\n' }] }] } : f,
      );
      const fixer = new FileFixer('write', tree);
      const back = fixer.fix(path, text, { ...result, findings: leaky }, () => undefined);
      assert.equal(readFileSync(path, 'utf8'), text, 'not written');
      assert.equal(fixer.fixed[0].refused, 'a fix would write a secret (a password or key) into the file');
      assert.equal(back.findings.length, leaky.length);
      assert.ok(existsSync(path));
      assert.equal(MASK, '********');
    } finally {
      removeTree(tree);
    }
  });

  it('a new line a fix writes takes the file\'s line end (CRLF), as VS Code does with an edit', () => {
    const text = 'MX_Mail_SMTPHost=a.example.org\r\nMX_Mail_SMTPHost=b.example.org\r\n';
    const tree = makeTree({ '.env': text });
    try {
      const path = join(tree, '.env');
      const result = checkDocument({ path, text })!;
      // a safe fix that writes two lines (no rule does this today; one that does must not mix line ends)
      const findings = result.findings.map((f) => ({ ...f, fixes: [{ title: 'two lines', safe: true, edits: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '# one\n# two\n' }] }] }));
      new FileFixer('write', tree).fix(path, text, { ...result, findings }, () => undefined);
      assert.equal(readFileSync(path, 'utf8'), `${text}# one\r\n# two\r\n`);
    } finally {
      removeTree(tree);
    }
  });
});
