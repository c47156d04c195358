// The language server checks an environment's rendered document opened under its
// mendix-cloud:// URI (as the editor's Mendix Cloud view will open it): the same diagnostics as
// a settings file — port 25 judged on Value, not-yet-deployed on the constant the running app
// still uses differently — on the ranges the renderer says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverForFile, codes, byCode, at } from '../protocol/workspace';
import { renderEnvironment } from '../../server/src/cloud/render';
import type { CloudSettings } from '../../server/src/cloud/api';

const settings: CloudSettings = {
  Constants: [
    { Name: 'Email_Connector.SMTPHost', DataType: 'String', Value: 'smtp.sendgrid.net', DeployedValue: 'smtp.sendgrid.net' },
    { Name: 'Email_Connector.SMTPPort', DataType: 'Integer', Value: '25', DeployedValue: '587' },
    { Name: 'Email_Connector.SMTPUsername', DataType: 'String', Value: 'apikey', DeployedValue: 'apikey' },
    { Name: 'Email_Connector.SMTPPassword', DataType: 'String', Value: 'SG.x', DeployedValue: 'SG.x' },
    { Name: 'Email_Connector.UseTLS', DataType: '_Boolean', Value: 'true', DeployedValue: 'true' },
    { Name: 'Email_Connector.FromAddress', DataType: 'String', Value: 'orders@mycompany.nl', DeployedValue: 'orders@mycompany.nl' },
    { Name: 'Encryption.EncryptionKey', DataType: 'String', Value: 'k'.repeat(32), DeployedValue: 'k'.repeat(32) },
  ],
  CustomSettings: [],
  ScheduledEvents: [],
};

const server = serverForFile();

test('a mendix-cloud:// document gets the diagnostics of its constants, on the rendered ranges', async () => {
  const rendered = renderEnvironment('calc', { Mode: 'Production', Production: true }, settings);
  const published = await server.client.open(rendered.uri, rendered.text, 'yaml');
  assert.deepEqual(codes(published), ['not-yet-deployed', 'port-25-on-mendix-cloud']);
  const port = rendered.constants.find((c) => c.name === 'Email_Connector.SMTPPort')!;
  const want = `${port.valueRange.start.line}:${port.valueRange.start.character}-${port.valueRange.end.character}`;
  assert.equal(at(byCode(published, 'port-25-on-mendix-cloud')), want);
  assert.equal(at(byCode(published, 'not-yet-deployed')), want);
});
