// A suppression comment above an entry whose value runs over several lines covers every line of
// that entry (no comment can go inside the value), and nothing after it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSettingsFile } from '../../../server/src/sources/index';
import { checkDocument } from '../../../server/src/engine/check';

const findingsOf = (path: string, text: string) => checkDocument({ path, text })!.findings.map((f) => `${f.ruleId}@${f.range.start.line}`);

test('YAML: a comment above a quoted CONSTANTS over two lines covers both lines, not the next entry', () => {
  const text = [
    'applications:',
    '  - name: app',
    '    env:',
    '      # mendix-email-disable-next-line provider-port, host-is-ip-address',
    '      CONSTANTS: \'{"Mail.SMTPUsername": "me@gmail.com",',
    '        "Mail.SMTPPort": 25}\'',
    '      MX_Mail_SMTPHost: 10.0.0.1',
    '',
  ].join('\n');
  assert.deepEqual(readSettingsFile('/w/manifest.yml', text)!.suppressions, [
    { line: 4, ruleIds: ['provider-port', 'host-is-ip-address'] },
    { line: 5, ruleIds: ['provider-port', 'host-is-ip-address'] },
  ]);
  assert.deepEqual(findingsOf('/w/manifest.yml', text), ['host-is-ip-address@6']);
});

test('YAML block scalar: the comment above `CONSTANTS: |` covers its content lines', () => {
  const text = 'services:\n  app:\n    environment:\n      MX_Mail_SMTPHost: smtp.gmail.com\n      # mendix-email-disable-next-line provider-port\n      CONSTANTS: |\n        {"Mail.SMTPUsername": "me@gmail.com",\n         "Mail.SMTPPort": 25}\n';
  assert.deepEqual(readSettingsFile('/w/docker-compose.yml', text)!.suppressions.map((s) => s.line), [5, 6, 7]);
  assert.ok(!findingsOf('/w/docker-compose.yml', text).some((f) => f.startsWith('provider-port')));
});

test('.env: the comment above a quoted CONSTANTS over two lines covers both; a one-line entry stays one line', () => {
  const text = 'MX_Mail_SMTPHost=smtp.gmail.com\n# mendix-email-disable-next-line provider-port\nCONSTANTS=\'{"Mail.SMTPUsername": "me@gmail.com",\n"Mail.SMTPPort": 25}\'\n';
  assert.deepEqual(readSettingsFile('/w/.env', text)!.suppressions.map((s) => s.line), [2, 3]);
  assert.ok(!findingsOf('/w/.env', text).some((f) => f.startsWith('provider-port')));
  const oneLine = '# mendix-email-disable-next-line\nMX_Mail_SMTPPort=25\nMX_Mail_SMTPHost=smtp.gmail.com\n';
  assert.deepEqual(readSettingsFile('/w/.env', oneLine)!.suppressions, [{ line: 1, ruleIds: [] }]);
});
