// The one URI normalisation the server looks documents up with (server/src/lsp/documentUris.ts):
// every spelling of a Windows file URI that VS Code or Node may produce is one key.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeUri } from '../../../server/src/lsp/documentUris';

test('Windows file URIs: VS Code\'s file:///c%3A/... and Node\'s file:///C:/... are one document', () => {
  const forms = [
    'file:///c%3A/Users/me/My%20App/deploy/m2ee.yaml', // what VS Code sends
    'file:///C:/Users/me/My%20App/deploy/m2ee.yaml', // pathToFileURL on Windows
    'file:///c:/Users/me/My%20App/deploy/m2ee.yaml',
    'file:///C%3A/Users/me/My App/deploy/m2ee.yaml',
  ];
  const keys = new Set(forms.map(normalizeUri));
  assert.equal(keys.size, 1, [...keys].join('\n'));
  assert.equal([...keys][0], 'file:///c%3A/Users/me/My%20App/deploy/m2ee.yaml');
});

test('percent-encoding differences (+, @, non-ASCII) are one document; other schemes and different paths stay apart', () => {
  assert.equal(normalizeUri('file:///work/app+1/.env'), normalizeUri('file:///work/app%2B1/.env'));
  assert.equal(normalizeUri('file:///work/%C3%A9/.env'), normalizeUri('file:///work/é/.env'));
  assert.notEqual(normalizeUri('file:///work/a/.env'), normalizeUri('file:///work/b/.env'));
  assert.equal(normalizeUri('untitled:Untitled-1'), 'untitled:Untitled-1');
  assert.equal(normalizeUri('not a uri'), normalizeUri('not a uri'), 'never throws');
});
