// The language server with DNS: offline diagnostics are published first, the DNS findings
// join them when the answers arrive; nothing is sent when online checks are off or the
// workspace is not trusted. Real server (dist/server.js) over stdio, real DNS server on 127.0.0.1.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../support/lspClient';
import { codes, ensureServerBuilt, TempWorkspace } from '../protocol/workspace';
import { startDnsServer, type TestDnsServer } from '../support/dnsServer';
import { TEST_ZONE } from './zone';
import { join } from 'node:path';
import { parseJsonReport, runCli } from '../cli/support/cli';

const M2EE = [
  '# mendix-email: target=mendix-cloud',
  'mxruntime:',
  '  MicroflowConstants:',
  '    Mail.SMTPHost: smtp.sendgrid.net',
  '    Mail.SMTPPort: 25',
  '    Mail.SMTPUsername: apikey',
  '    Mail.SMTPPassword: ${SENDGRID_API_KEY}',
  '    Mail.FromAddress: app@nodmarc.nl',
  '',
].join('\n');

// DNS findings above and below an offline one (port-25 on line 9), one of them suppressed
const POLICY_M2EE = [
  '# mendix-email: target=mendix-cloud',
  'mxruntime:',
  '  MicroflowConstants:',
  '    Mail.FromAddress: app@nodmarc.nl',
  '    # mendix-email-disable-next-line domain-not-found',
  '    Mail.SupportEmail: help@nomail.nl',
  '    Mail.AdminEmail: ops@nomail.nl',
  '    Mail.SMTPHost: smtp.sendgrid.net',
  '    Mail.SMTPPort: 25',
  '    Mail.SMTPUsername: apikey',
  '    Mail.SMTPPassword: ${SENDGRID_API_KEY}',
  '',
].join('\n');

const SEVERITY_WORDS = ['', 'error', 'warning', 'info', 'hint'];

describe('language server with DNS checks', () => {
  let dns: TestDnsServer;
  let ws: TempWorkspace;
  const clients: LspClient[] = [];
  before(async () => {
    ensureServerBuilt();
    dns = await startDnsServer({ zone: TEST_ZONE });
    ws = new TempWorkspace();
  });
  after(async () => {
    for (const client of clients) await client.stop().catch(() => undefined);
    await dns.close();
    ws.dispose();
  });

  async function start(settings: Record<string, unknown>, initializationOptions?: Record<string, unknown>) {
    const client = await LspClient.start({ root: ws.root, settings: { defaultTarget: 'mendix-cloud', ...settings }, initializationOptions });
    clients.push(client);
    return client;
  }

  /** No question reaches the DNS server for half a second after the offline diagnostics (bounded poll). */
  async function assertNoPacket(before: number) {
    const deadline = Date.now() + 500;
    while (Date.now() < deadline) {
      assert.equal(dns.queries.length, before, 'a DNS packet was sent');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it('publishes the offline diagnostics first and adds the DNS findings when they arrive', async () => {
    dns.setDelay(400);
    try {
      const client = await start({ online: true, dns: { servers: [dns.address] } });
      const path = ws.write('first/m2ee.yaml', M2EE);
      const first = await client.open(path, M2EE);
      assert.ok(codes(first).includes('port-25-on-mendix-cloud'), codes(first).join());
      assert.ok(!codes(first).includes('dmarc-missing'), 'the offline diagnostics do not wait for DNS');
      const later = await client.waitForDiagnostics(path, (p) => codes(p).includes('dmarc-missing'), 'DNS findings');
      assert.ok(codes(later).includes('port-25-on-mendix-cloud'), 'offline findings stay');
    } finally {
      dns.setDelay(0);
    }
  });

  it("merges the DNS findings under the policy: the CLI's severities, suppressions and order", async () => {
    ws.write('policy/.mendix-email.json', JSON.stringify({ rules: { 'dmarc-missing': 'error' } }));
    const path = ws.write('policy/m2ee.yaml', POLICY_M2EE);
    const client = await start({ online: true, dns: { servers: [dns.address] } });
    await client.open(path, POLICY_M2EE);
    const published = await client.waitForDiagnostics(path, (p) => codes(p).includes('dmarc-missing'), 'DNS findings');
    const editor = published.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY_WORDS[d.severity ?? 0]} ${d.code}`);
    assert.ok(editor.includes('4:23 error dmarc-missing'), `the config's rules raise a DNS rule: ${editor.join(', ')}`);
    assert.ok(editor.includes('7:22 warning domain-not-found'), editor.join(', '));
    assert.ok(!editor.some((d) => d.startsWith('6:')), `the disable comment removes the DNS finding under it: ${editor.join(', ')}`);
    assert.ok(editor.indexOf('4:23 error dmarc-missing') < editor.findIndex((d) => d.endsWith('port-25-on-mendix-cloud')), `in file order: ${editor.join(', ')}`);
    const run = await runCli(['check', '--format', 'json', '--dns-server', dns.address, 'm2ee.yaml'], join(ws.root, 'policy'));
    const cli = parseJsonReport(run).map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId}`);
    assert.deepEqual(editor, cli, 'the editor shows what the CLI reports, in the same order');
  });

  it('sends no packet with the setting mendixEmail.online false', async () => {
    const client = await start({ online: false, dns: { servers: [dns.address] } });
    const before = dns.queries.length;
    const path = ws.write('off/m2ee.yaml', M2EE);
    await client.open(path, M2EE);
    await assertNoPacket(before);
  });

  it('sends no packet with "online": false in .mendix-email.json', async () => {
    const client = await start({ online: true, dns: { servers: [dns.address] } });
    ws.write('configured/.mendix-email.json', '{ "online": false }');
    const path = ws.write('configured/m2ee.yaml', M2EE);
    const before = dns.queries.length;
    await client.open(path, M2EE);
    await assertNoPacket(before);
  });

  it('sends no packet in an untrusted workspace', async () => {
    const client = await start({ online: true, dns: { servers: [dns.address] } }, { trusted: false });
    const path = ws.write('untrusted/m2ee.yaml', M2EE);
    const before = dns.queries.length;
    await client.open(path, M2EE);
    await assertNoPacket(before);
  });
});
