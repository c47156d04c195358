// The language server with DNS: offline diagnostics are published first, the DNS findings
// join them when the answers arrive; nothing is sent when online checks are off or the
// workspace is not trusted. Real server (dist/server.js) over stdio, real DNS server on 127.0.0.1.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../support/lspClient';
import { codes, ensureServerBuilt, TempWorkspace } from '../protocol/workspace';
import { startDnsServer, type TestDnsServer } from '../support/dnsServer';
import { TEST_ZONE } from './zone';

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
