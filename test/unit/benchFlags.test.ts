// The benchmark must start the language server the way the extension does: with the same
// Node flags (they change the server's memory and speed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const flagsIn = (file: string) => {
  const m = /SERVER_EXEC_ARGV = (\[[^\]]*\])/.exec(readFileSync(join(root, file), 'utf8'));
  assert.ok(m, `${file} defines SERVER_EXEC_ARGV`);
  return JSON.parse(m[1].replace(/'/g, '"')) as string[];
};

test('bench/lsp.mjs starts the server with the flags the extension uses', () => {
  assert.deepEqual(flagsIn('bench/lsp.mjs'), flagsIn('client/src/languageClient.ts'));
});
