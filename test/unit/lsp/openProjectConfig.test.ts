// The unsaved text of an open `.mendix-email.json` is parsed once per text, in the session that
// has it open (lsp/openProjectConfig.ts): another session's open configs are its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OpenProjectConfigs } from '../../../server/src/lsp/openProjectConfig';
import type { LoadedProjectConfig } from '../../../server/src/core/settings';

const saved: LoadedProjectConfig = { config: { target: 'docker' }, file: '/w/.mendix-email.json', problems: [] };

test('an open config counts as the editor has it, parsed once per text; closed, the saved file counts again', () => {
  const open = new OpenProjectConfigs();
  let text: string | undefined = '{ "target": "free-app" }';
  const openText = (path: string) => (path === saved.file ? text : undefined);
  const first = open.withOpenText(saved, openText);
  assert.equal(first?.config.target, 'free-app');
  assert.equal(open.withOpenText(saved, openText), first, 'the same text: the same parse');
  text = '{ "target": "self-hosted" }';
  assert.equal(open.withOpenText(saved, openText)?.config.target, 'self-hosted');
  text = undefined;
  assert.equal(open.withOpenText(saved, openText), saved);
});

test('two sessions parse their open configs each for themselves', () => {
  const a = new OpenProjectConfigs();
  const b = new OpenProjectConfigs();
  const openText = () => '{ "target": "free-app" }';
  const inA = a.withOpenText(saved, openText);
  const inB = b.withOpenText(saved, openText);
  assert.deepEqual(inB, inA);
  assert.notEqual(inB, inA, 'not the object the other session parsed');
});
