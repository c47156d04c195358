// The real corpus (MENDIX_EMAIL_CORPUS, test/support/corpus.ts): every file copied under its original path and name
// into a temporary folder, checked through checkDocument with every rule on, for every target.
// None of these files sets a mail constant, so nothing may be reported; what each file holds
// and why it earns no finding is written beside it below.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkDocument } from '../../server/src/engine/check';
import { TARGETS, type FileKind } from '../../server/src/core/types';
import { applyEdits } from '../../server/src/ruleKit/editCheck';
import { checkWithText } from './rules/withText';
import { CORPUS, needsCorpus } from '../support/corpus';

const corpus = CORPUS;

interface Expectation {
  /** origin path (repository/path) from the corpus README: the copy keeps this name */
  origin: string;
  kind: FileKind;
  /** constants the reader must find (proves the file was really read) */
  constants: string[];
  why: string;
}

const EXPECTED: Record<string, Expectation> = {
  'm2ee-tools.examples.m2ee.yaml': {
    origin: 'm2ee-tools/examples/m2ee.yaml',
    kind: 'm2ee',
    constants: ['Module.Constant', 'AnotherModule.AnotherConstant'],
    why: 'two placeholder constants (text, bla) that play no mail role and hold no address; admin_pass and DatabasePassword are m2ee / runtime settings, not constants',
  },
  'm2ee-tools.examples.full-documented-m2ee.yaml': {
    origin: 'm2ee-tools/examples/full-documented-m2ee.yaml',
    kind: 'm2ee',
    constants: ['Module.Constant', 'AnotherModule.AnotherConstant'],
    why: 'the same two placeholder constants among 700 lines of documented m2ee options; nothing about mail',
  },
  'cf-mendix-buildpack.etc.m2ee.m2ee.yaml': {
    origin: 'cf-mendix-buildpack/etc/m2ee/m2ee.yaml',
    kind: 'm2ee',
    constants: [],
    why: 'the buildpack template: MicroflowConstants is {} (the buildpack fills it from MX_ / CONSTANTS at run time)',
  },
  'cf-mendix-buildpack.dev.env': {
    origin: 'cf-mendix-buildpack/dev/.env',
    kind: 'dotenv',
    constants: [],
    why: 'TEST_* variables for the buildpack test harness; no MX_ variable, no CONSTANTS',
  },
  'cf-mendix-buildpack.dev.docker-compose.yml': {
    origin: 'cf-mendix-buildpack/dev/docker-compose.yml',
    kind: 'compose',
    constants: [],
    why: 'a dev container whose environment passes the TEST_* references through; no MX_ variable',
  },
  'docker-mendix-buildpack.tests.docker-compose-azuresql.yml': {
    origin: 'docker-mendix-buildpack/tests/docker-compose-azuresql.yml',
    kind: 'compose',
    constants: [],
    why: 'ADMIN_PASSWORD and DATABASE_ENDPOINT (a JDBC URL with a password) are buildpack settings, not constants: no mail rule applies',
  },
  'docker-mendix-buildpack.tests.docker-compose-k8s.yml': {
    origin: 'docker-mendix-buildpack/tests/docker-compose-k8s.yml',
    kind: 'compose',
    constants: [],
    why: 'version-1 compose (services at the top); the postgres URL with user:password@db is not an address constant',
  },
  'docker-mendix-buildpack.tests.docker-compose-mysql.yml': {
    origin: 'docker-mendix-buildpack/tests/docker-compose-mysql.yml',
    kind: 'compose',
    constants: [],
    why: 'MXRUNTIME_* variables are runtime settings (not the MX_ constant prefix); MYSQL_* belong to the database service',
  },
  'docker-mendix-buildpack.tests.docker-compose-postgres.yml': {
    origin: 'docker-mendix-buildpack/tests/docker-compose-postgres.yml',
    kind: 'compose',
    constants: [],
    why: 'a long CERTIFICATE_AUTHORITIES block scalar and commented-out MXRUNTIME_ lines; no constants',
  },
  'docker-mendix-buildpack.tests.docker-compose-sqlserver.yml': {
    origin: 'docker-mendix-buildpack/tests/docker-compose-sqlserver.yml',
    kind: 'compose',
    constants: [],
    why: 'the same shape as the azuresql file; no constants',
  },
};

const root = mkdtempSync(join(tmpdir(), 'mendix-email-corpus-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('the corpus holds exactly the files this test knows', needsCorpus(), () => {
  const files = readdirSync(corpus).filter((f) => f !== 'README.md').sort();
  assert.deepEqual(files, Object.keys(EXPECTED).sort());
});

for (const [file, expected] of Object.entries(EXPECTED)) {
  test(`corpus ${file}: ${expected.why}`, needsCorpus(), () => {
    const source = join(corpus, file);
    assert.ok(existsSync(source), `${source} is missing`);
    const copy = join(root, expected.origin);
    mkdirSync(dirname(copy), { recursive: true });
    copyFileSync(source, copy);
    const text = readFileSync(copy, 'utf8');
    const result = checkDocument({ path: copy, text });
    assert.ok(result, `${expected.origin} is not recognised`);
    assert.equal(result.read.kind, expected.kind);
    assert.deepEqual(result.read.problems, [], 'the reader reads it without problems');
    const names = result.read.scopes.flatMap((s) => s.assignments.map((a) => a.name));
    assert.deepEqual(names, expected.constants);
    assert.deepEqual(result.findings, [], 'no finding: the file does nothing wrong');
    // whatever platform it is deployed to, and whatever language id the editor gives it
    for (const target of TARGETS) {
      const options = { projectConfig: { config: { target }, file: join(root, '.mendix-email.json'), problems: [] } };
      assert.deepEqual(checkDocument({ path: copy, text }, options)?.findings, [], `target ${target}`);
    }
    for (const languageId of ['yaml', 'dotenv', 'properties', 'plaintext', 'dockercompose']) {
      assert.deepEqual(checkDocument({ path: copy, text, languageId })?.findings ?? [], [], `language ${languageId}`);
    }
  });
}

test('the corpus check can fail: a no-reply sender added to the m2ee example is reported where it is', needsCorpus(), () => {
  const text = readFileSync(join(corpus, 'm2ee-tools.examples.m2ee.yaml'), 'utf8').replace(
    '  Module.Constant: text\n',
    '  Module.Constant: text\n  Mail.FromAddress: noreply@mycompany.nl\n',
  );
  const copy = join(root, 'mutated', 'm2ee.yaml');
  mkdirSync(dirname(copy), { recursive: true });
  const result = checkDocument({ path: copy, text });
  const line = text.split('\n').findIndex((l) => l.includes('Mail.FromAddress'));
  assert.deepEqual(result?.findings.map((f) => [f.ruleId, f.range.start.line]), [['sender-noreply', line]]);
});

// constant-overridden's removal on real files: a duplicate written into them is removed exactly,
// giving back the real file byte for byte (the rules get the text as the engine will give it).
const DUPLICATES: [file: string, name: string, after: string, duplicate: string][] = [
  ['m2ee-tools.examples.m2ee.yaml', 'm2ee.yaml', '  # put microflow constants in here\n', '  Module.Constant: older text\n'],
  ['m2ee-tools.examples.full-documented-m2ee.yaml', 'm2ee.yaml', '  # put microflow constants in here\n', '  Module.Constant: {a: 1}\n'],
  ['docker-mendix-buildpack.tests.docker-compose-postgres.yml', 'docker-compose.yml', '            ADMIN_PASSWORD: Password1!\n', '            MX_Module_Constant: "1"\n            MX_Module_Constant: "2"\n'],
];

for (const [file, name, anchor, duplicate] of DUPLICATES) {
  test(`corpus ${file} with a duplicated constant: the quick fix removes exactly the duplicate`, needsCorpus(), () => {
    const real = readFileSync(join(corpus, file), 'utf8');
    assert.ok(real.includes(anchor), `the corpus file still has ${JSON.stringify(anchor)}`);
    const text = real.replace(anchor, anchor + duplicate);
    const path = join(root, 'duplicates', file.replace(/\./g, '-'), name);
    const found = checkWithText({ path, text })!.findings.filter((f) => f.ruleId === 'constant-overridden');
    assert.equal(found.length, 1);
    const fix = found[0].fixes?.[0];
    assert.ok(fix?.safe, 'a safe removal');
    const expected = file.endsWith('.yml') ? real.replace(anchor, `${anchor}            MX_Module_Constant: "2"\n`) : real;
    assert.equal(applyEdits(text, fix.edits), expected);
  });
}
