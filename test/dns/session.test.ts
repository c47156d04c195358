// The language server's side: resolvers shared per server list, could-not-check logged.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkDocument } from '../../server/src/engine/check';
import { createOnlineChecks } from '../../server/src/rules/online/session';
import { onlineRequestFor } from '../../server/src/lsp/onlineChecks';
import { startDnsServer, type TestDnsServer } from '../support/dnsServer';
import { TEST_ZONE } from './zone';
import type { CheckResult } from '../../server/src/core/settings';

const text = (from: string) =>
  `mxruntime:\n  MicroflowConstants:\n    Email.SMTPHost: smtp.sendgrid.net\n    Email.SMTPPassword: s3cret-Value\n    Email.FromAddress: ${from}\n`;

describe('online checks session', () => {
  let dns: TestDnsServer;
  before(async () => {
    dns = await startDnsServer({ zone: TEST_ZONE });
  });
  after(() => dns.close());

  it('shares one cache across documents with the same servers, and logs what could not be checked', async () => {
    const lines: string[] = [];
    const online = createOnlineChecks({ log: (l) => lines.push(l), timeoutMs: 1000, budgetMs: 5000 });
    try {
      const a = checkDocument({ path: '/p/a/m2ee.yaml', text: text('app@nodmarc.nl') })!;
      const first = await online.run({ prepared: a, servers: [dns.address], label: 'a/m2ee.yaml' });
      assert.deepEqual(first.findings.map((f) => f.ruleId), ['dmarc-missing']);
      const asked = dns.queries.length;
      const b = checkDocument({ path: '/p/b/m2ee.yaml', text: text('app@nodmarc.nl') })!;
      const second = await online.run({ prepared: b, servers: [dns.address] });
      assert.deepEqual(second.findings.map((f) => f.ruleId), ['dmarc-missing']);
      assert.equal(dns.queries.length, asked, 'the second document is answered from the cache');

      const slow = checkDocument({ path: '/p/c/m2ee.yaml', text: text('app@slow.nl') })!;
      const result = await online.run({ prepared: slow, servers: [dns.address], label: 'c/m2ee.yaml' });
      assert.deepEqual(result.findings, []);
      assert.ok(lines.some((l) => /could not check MX slow\.nl \(c\/m2ee\.yaml\): the DNS server did not answer in time/.test(l)), lines.join('\n'));
      assert.ok(lines.every((l) => !l.includes('s3cret')));
    } finally {
      online.dispose();
    }
  });

  it('an aborted run ends at once, unlogged', async () => {
    const lines: string[] = [];
    const online = createOnlineChecks({ log: (l) => lines.push(l), timeoutMs: 2000 });
    try {
      const doc = checkDocument({ path: '/p/d/m2ee.yaml', text: text('app@slow.nl') })!;
      const controller = new AbortController();
      const started = performance.now();
      const running = online.run({ prepared: doc, servers: [dns.address] }, controller.signal);
      controller.abort();
      const result = await running;
      assert.ok(performance.now() - started < 500);
      assert.deepEqual(result.findings, []);
      assert.equal(result.incomplete, true);
      assert.deepEqual(lines, []);
    } finally {
      online.dispose();
    }
  });

  it('says which configured servers it ignores', async () => {
    const lines: string[] = [];
    const online = createOnlineChecks({ log: (l) => lines.push(l) });
    const doc = checkDocument({ path: '/p/e/m2ee.yaml', text: text('app@good.nl') })!;
    await online.run({ prepared: doc, servers: ['dns.google', dns.address] });
    online.dispose();
    assert.ok(lines.some((l) => l.includes('dns.google')));
  });
});

describe('language server request', () => {
  const base = (configServers: string[] | undefined, settingServers: string[]) =>
    ({
      uri: 'file:///p/m2ee.yaml',
      version: 1,
      path: '/p/m2ee.yaml',
      settings: { defaultTarget: 'mendix-cloud', rules: { 'dmarc-missing': 'hint' }, online: true, dns: { servers: settingServers } },
      result: checkDocument({ path: '/p/m2ee.yaml', text: text('a@good.nl') }),
      projectConfig: configServers ? { config: { dns: { servers: configServers } }, file: '/p/.mendix-email.json', problems: [] } : undefined,
      referencedFiles: [],
      ms: 1,
    }) as unknown as Parameters<typeof onlineRequestFor>[0] & { result: CheckResult };

  const request = (configServers: string[] | undefined, settingServers: string[]) => {
    const check = base(configServers, settingServers);
    return [check, check.result] as const;
  };

  it("takes the project file's DNS servers over the setting, and the editor's rule severities", () => {
    assert.deepEqual(onlineRequestFor(...request(['127.0.0.1:5300'], ['127.0.0.1:5400'])).servers, ['127.0.0.1:5300']);
    assert.deepEqual(onlineRequestFor(...request(undefined, ['127.0.0.1:5400'])).servers, ['127.0.0.1:5400']);
    assert.deepEqual(onlineRequestFor(...request([], [])).servers, []);
    const made = onlineRequestFor(...request(undefined, []));
    assert.equal(made.options?.ruleSeverities?.['dmarc-missing'], 'hint');
    assert.equal(made.prepared.settings.length, 1);
  });
});
