// The real files in shared/corpus/real/, copied under their original names (the name is
// part of how a file is recognised), must be read without a single problem. Expected
// scopes and assignments are written out per file, with the reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSettingsFile } from '../../../server/src/sources/index';
import { slice } from './helpers';
import { CORPUS, needsCorpus } from '../../support/corpus';

const corpus = CORPUS;

interface Expectation {
  corpusFile: string;
  originalName: string;
  kind: string;
  /** scope name → [constant, value] pairs */
  scopes: Record<string, [string, string][]>;
  why: string;
}

const expectations: Expectation[] = [
  {
    corpusFile: 'm2ee-tools.examples.m2ee.yaml',
    originalName: 'm2ee.yaml',
    kind: 'm2ee',
    scopes: { mxruntime: [['Module.Constant', 'text'], ['AnotherModule.AnotherConstant', 'bla']] },
    why: 'the example sets two placeholder constants under mxruntime.MicroflowConstants; nothing else is a constant',
  },
  {
    corpusFile: 'm2ee-tools.examples.full-documented-m2ee.yaml',
    originalName: 'full-documented-m2ee.yaml',
    kind: 'm2ee',
    scopes: { mxruntime: [['Module.Constant', 'text'], ['AnotherModule.AnotherConstant', 'bla']] },
    why: 'recognised by its top-level mxruntime (the name does not start with m2ee); same two constants, the rest is commented documentation',
  },
  {
    corpusFile: 'cf-mendix-buildpack.etc.m2ee.m2ee.yaml',
    originalName: 'm2ee.yaml',
    kind: 'm2ee',
    scopes: { mxruntime: [] },
    why: 'the buildpack template has MicroflowConstants: {} (filled in at staging time)',
  },
  {
    corpusFile: 'cf-mendix-buildpack.dev.env',
    originalName: '.env',
    kind: 'dotenv',
    scopes: { '.env': [] },
    why: 'TEST_* variables only: no MX_ variable, no CONSTANTS',
  },
  {
    corpusFile: 'cf-mendix-buildpack.dev.docker-compose.yml',
    originalName: 'docker-compose.yml',
    kind: 'compose',
    scopes: { 'service buildpack': [] },
    why: 'one service whose environment holds TEST_* references only',
  },
  ...['azuresql', 'mysql', 'postgres', 'sqlserver'].map((db) => ({
    corpusFile: `docker-mendix-buildpack.tests.docker-compose-${db}.yml`,
    originalName: `docker-compose-${db}.yml`,
    kind: 'compose',
    scopes: { 'service mendixapp': [], 'service db': [] } as Record<string, [string, string][]>,
    why: 'ADMIN_PASSWORD, DATABASE_*, MXRUNTIME_* and database variables: runtime settings, no constants',
  })),
  {
    corpusFile: 'docker-mendix-buildpack.tests.docker-compose-k8s.yml',
    originalName: 'docker-compose-k8s.yml',
    kind: 'compose',
    scopes: { 'service mendixapp': [], 'service db': [] },
    why: 'a version-1 compose file (services at the top level, no services: key); no constants',
  },
];

test('every real corpus file is read without problems, with the expected scopes', needsCorpus(), () => {
  const dir = mkdtempSync(join(tmpdir(), 'mendix-email-corpus-'));
  try {
    for (const [i, e] of expectations.entries()) {
      const folder = join(dir, String(i));
      mkdirSync(folder);
      const path = join(folder, e.originalName);
      copyFileSync(join(corpus, e.corpusFile), path);
      const text = readFileSync(path, 'utf8');
      const result = readSettingsFile(path, text);
      assert.ok(result, `${e.corpusFile} should be recognised (${e.why})`);
      assert.equal(result.kind, e.kind, e.corpusFile);
      assert.deepEqual(result.problems, [], e.corpusFile);
      const actual = Object.fromEntries(result.scopes.map((s) => [s.name, s.assignments.map((a) => [a.name, a.value])]));
      assert.deepEqual(actual, e.scopes, `${e.corpusFile}: ${e.why}`);
      for (const a of result.scopes.flatMap((s) => s.assignments)) {
        assert.equal(slice(text, a.valueRange), a.value, `${e.corpusFile} ${a.name}`);
        assert.equal(slice(text, a.keyRange), a.key, `${e.corpusFile} ${a.name}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every corpus file is covered by an expectation', needsCorpus(), () => {
  const files = readdirSync(corpus).filter((f) => f !== 'README.md').sort();
  assert.deepEqual(expectations.map((e) => e.corpusFile).sort(), files);
});
