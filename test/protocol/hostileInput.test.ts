// Hostile and unusual file contents over a real connection: a `.env` whose CONSTANTS nests
// 10,000 deep keeps its other findings, and env files saved as UTF-16 (with a byte order
// mark, as Windows tools write them) are read, not "not a text file (it contains NUL bytes)".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codes, messageOf, serverForFile } from './workspace';

const server = serverForFile();

test('.env with a 10,000-deep CONSTANTS: that value reported in words, the password and sender still checked', async () => {
  const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
  const text = `MX_Mail_SMTPPassword=hunter2hunter2\nMX_Mail_FromAddress=noreply@example.com\nCONSTANTS={"x": ${deep}}\n`;
  const published = await server.client.open(server.ws.write('deep/.env', text), text, 'dotenv');
  const found = codes(published);
  assert.ok(found.includes('password-in-plain-text'), found.join());
  assert.ok(found.includes('sender-noreply'), found.join());
  assert.ok(!found.includes('syntax-error'), found.join());
  const deepOne = published.diagnostics.find((d) => /nested more than 200 deep/.test(messageOf(d)));
  assert.equal(deepOne?.code, 'invalid-constants-json');
  assert.equal(deepOne?.range.start.line, 2);
});

const ENV = 'MX_Mail_SMTPHost=smtp.sendgrid.net\r\nMX_Mail_SMTPPort=25\nMX_Mail_FromAddress=noreply@example.com\n';
const utf16 = (text: string, order: 'le' | 'be') => {
  const le = Buffer.from(text, 'utf16le');
  if (order === 'be') le.swap16();
  return Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), le]);
};

for (const order of ['le', 'be'] as const) {
  test(`a compose env_file saved as UTF-16${order.toUpperCase()} with a BOM is read: its port 25 and sender reach the compose file`, async () => {
    server.ws.write(`utf16${order}/app.env`, utf16(ENV, order));
    const compose = '# mendix-email: target=mendix-cloud\nservices:\n  app:\n    image: mendix/app\n    env_file: app.env\n';
    const published = await server.client.open(server.ws.write(`utf16${order}/docker-compose.yml`, compose), compose);
    const found = codes(published);
    assert.ok(found.includes('port-25-on-mendix-cloud'), found.join());
    assert.ok(found.includes('sender-noreply'), found.join());
    assert.ok(!published.diagnostics.some((d) => /NUL bytes/.test(messageOf(d))), 'not "not a text file"');
  });
}
