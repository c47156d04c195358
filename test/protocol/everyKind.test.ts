// Hover and code lens over the real LSP connection in every kind of settings file: the same
// SendGrid settings written the way each file writes them. A hover on the port constant names
// its role and value, a hover on the host names the provider, and the scope's code lens sums
// the settings up and offers the test send.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeLens, Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { serverForFile } from './workspace';

interface Kind {
  file: string;
  text: string;
  /** the text a hover on the port constant starts on (its key or variable name) */
  portKey: string;
}

const KINDS: Kind[] = [
  {
    file: 'm2ee/m2ee.yaml',
    text: 'mxruntime:\n  MicroflowConstants:\n    Mail.SMTPHost: smtp.sendgrid.net\n    Mail.SMTPPort: 587\n    Mail.SMTPUsername: apikey\n',
    portKey: 'Mail.SMTPPort',
  },
  {
    file: 'cf/manifest.yml',
    text: 'applications:\n  - name: orders\n    env:\n      MX_Mail_SMTPHost: smtp.sendgrid.net\n      MX_Mail_SMTPPort: "587"\n      MX_Mail_SMTPUsername: apikey\n',
    portKey: 'MX_Mail_SMTPPort',
  },
  {
    file: 'compose/docker-compose.yml',
    text: 'services:\n  orders:\n    environment:\n      - MX_Mail_SMTPHost=smtp.sendgrid.net\n      - MX_Mail_SMTPPort=587\n      - MX_Mail_SMTPUsername=apikey\n',
    portKey: 'MX_Mail_SMTPPort',
  },
  {
    file: 'dotenv/.env',
    text: 'MX_Mail_SMTPHost=smtp.sendgrid.net\nMX_Mail_SMTPPort=587\nMX_Mail_SMTPUsername=apikey\n',
    portKey: 'MX_Mail_SMTPPort',
  },
  {
    file: 'private-cloud/mendixapp.yaml',
    text: 'apiVersion: privatecloud.mendix.com/v1alpha1\nkind: MendixApp\nmetadata:\n  name: orders\nspec:\n  runtime:\n    microflowConstants:\n      Mail.SMTPHost: smtp.sendgrid.net\n      Mail.SMTPPort: "587"\n      Mail.SMTPUsername: apikey\n',
    portKey: 'Mail.SMTPPort',
  },
  {
    file: 'k8s/deployment.yaml',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  template:\n    spec:\n      containers:\n        - name: orders\n          env:\n            - name: MX_Mail_SMTPHost\n              value: smtp.sendgrid.net\n            - name: MX_Mail_SMTPPort\n              value: "587"\n            - name: MX_Mail_SMTPUsername\n              value: apikey\n',
    portKey: 'MX_Mail_SMTPPort',
  },
  {
    file: 'package/model/config.json',
    text: '{\n  "Configuration": { "DTAPMode": "T" },\n  "Constants": {\n    "Mail.SMTPHost": "smtp.sendgrid.net",\n    "Mail.SMTPPort": "587",\n    "Mail.SMTPUsername": "apikey"\n  }\n}\n',
    portKey: 'Mail.SMTPPort',
  },
];

const server = serverForFile({ online: false });

/** The position of the first occurrence of `text` (plus `offset` characters) in the file. */
function positionOf(file: string, text: string, offset = 1) {
  const lines = file.split('\n');
  const line = lines.findIndex((l) => l.includes(text));
  assert.ok(line >= 0, `"${text}" is in the file`);
  return { line, character: lines[line].indexOf(text) + offset };
}

async function hoverText(uri: string, position: { line: number; character: number }): Promise<string> {
  const hover = await server.client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  assert.ok(hover, `a hover at ${JSON.stringify(position)}`);
  return (hover.contents as MarkupContent).value;
}

for (const kind of KINDS) {
  test(`${kind.file}: hover on the port and the host, and the code lens with the test send`, async () => {
    const path = server.ws.write(kind.file, kind.text);
    const uri = server.client.uriOf(path);
    await server.client.open(path, kind.text, kind.file.endsWith('.json') ? 'json' : kind.file.endsWith('.env') ? 'dotenv' : 'yaml');

    const port = await hoverText(uri, positionOf(kind.text, kind.portKey));
    assert.match(port, /SMTP port/, port);
    assert.match(port, /587/, port);
    const host = await hoverText(uri, positionOf(kind.text, 'smtp.sendgrid.net', 3));
    assert.match(host, /\*\*SendGrid\*\*/, host);

    const lenses = await server.client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(titles[0]?.includes('SendGrid (smtp.sendgrid.net) · port 587'), JSON.stringify(titles));
    assert.deepEqual(titles.slice(1), ['Send test mail', 'Verify connection']);
  });
}
