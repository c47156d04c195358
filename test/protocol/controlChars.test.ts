// Control characters from a workspace (a value, a folder name) reach the editor escaped: in
// diagnostics and in the log lines the "Mendix Email" output channel shows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messageOf, serverForFile } from './workspace';

const server = serverForFile();
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const FOLDER = 'app\u001b]0;pwned\u0007';

test('a value with ESC[31m and a folder named with ESC]0: diagnostics and log lines show them escaped', async () => {
  server.ws.write(`${FOLDER}/.mendix-email.json`, '{}\n');
  const text = ['mxruntime:', '  MicroflowConstants:', '    Mail.FromAddress: "\u001b[31mred\u001b[0m@example"', ''].join('\n');
  const path = server.ws.write(`${FOLDER}/m2ee.yaml`, text);
  const published = await server.client.open(path, text);
  const messages = published.diagnostics.map(messageOf);
  assert.ok(messages.some((m) => m.includes('\\x1b[31mred')), messages.join('\n'));
  for (const m of messages) assert.doesNotMatch(m, RAW_CONTROL);
  await server.client.until(() => server.client.logs.some((l) => l.includes('.mendix-email.json')), 'the config log line');
  const line = server.client.logs.find((l) => l.includes('.mendix-email.json'))!;
  assert.ok(line.includes('app\\x1b]0;pwned\\x07'), line);
  for (const l of server.client.logs) assert.doesNotMatch(l, RAW_CONTROL);
});
