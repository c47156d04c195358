// The DNS rules through the CLI, against a real DNS server on 127.0.0.1 (--dns-server):
// findings after the offline ones, nothing sent with --offline or `online: false`, and a
// server failure is a note on stderr, never a finding.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDnsServer, type TestDnsServer } from '../support/dnsServer';
import { ensureBuilt, makeTree, parseJsonReport, removeTree, runCli } from './support/cli';

const ENV = `MX_Mail_SMTPHost=smtp.mycompany.nl
MX_Mail_SMTPPort=587
MX_Mail_SMTPUsername=mailer
MX_Mail_SMTPPassword=\${SMTP_PASSWORD}
MX_Mail_FromAddress=orders@mycompany.nl
MX_Alerts_AdminEmail=admin@no-such-domain-here.org
`;

describe('mendix-email check: DNS rules', () => {
  let dns: TestDnsServer;
  let dir: string;
  before(async () => {
    ensureBuilt();
    dns = await startDnsServer({
      zone: {
        'mycompany.nl': { MX: [{ preference: 10, exchange: 'mx.mycompany.nl' }], TXT: ['v=spf1 mx -all'] },
        'smtp.mycompany.nl': { A: ['192.0.2.10'] },
        'mx.mycompany.nl': { A: ['192.0.2.11'] },
        '_dmarc.mycompany.nl': { TXT: ['v=DMARC1; p=reject'] },
        'failing.mycompany.org': { behaviour: 'servfail' },
      },
    });
    dir = makeTree({ '.env': ENV });
  });
  after(async () => {
    await dns.close();
    removeTree(dir);
  });

  it('reports a domain that does not exist, asking the server given with --dns-server', async () => {
    const run = await runCli(['check', '--format', 'json', '--dns-server', dns.address], dir);
    assert.equal(run.status, 0, run.stderr);
    const findings = parseJsonReport(run);
    const missing = findings.filter((f) => f.ruleId === 'domain-not-found');
    assert.equal(missing.length, 1, JSON.stringify(findings));
    assert.equal(missing[0].line, 6);
    assert.match(missing[0].message, /no-such-domain-here\.org/);
    assert.ok(dns.count('no-such-domain-here.org') > 0);
    assert.equal(findings.filter((f) => f.ruleId === 'domain-not-found' && f.line !== 6).length, 0, 'mycompany.nl exists');
  });

  it('--offline sends no question at all', async () => {
    const before = dns.queries.length;
    const run = await runCli(['check', '--offline', '--format', 'json', '--dns-server', dns.address], dir);
    assert.equal(run.status, 0);
    assert.equal(parseJsonReport(run).filter((f) => f.ruleId === 'domain-not-found').length, 0);
    assert.equal(dns.queries.length, before);
  });

  it('`online: false` in the config file sends no question either; dns.servers there is used otherwise', async () => {
    const configured = makeTree({ '.env': ENV, '.mendix-email.json': JSON.stringify({ online: false }) });
    try {
      const before = dns.queries.length;
      const run = await runCli(['check', '--format', 'json', '--dns-server', dns.address], configured);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(dns.queries.length, before);

      writeFileSync(join(configured, '.mendix-email.json'), JSON.stringify({ dns: { servers: [dns.address] } }));
      const viaConfig = await runCli(['check', '--format', 'json'], configured);
      assert.ok(parseJsonReport(viaConfig).some((f) => f.ruleId === 'domain-not-found'), viaConfig.stderr);
      assert.ok(dns.queries.length > before);
    } finally {
      removeTree(configured);
    }
  });

  it('a server failure is "could not check": a note on stderr, no finding, exit 0', async () => {
    const failing = makeTree({ '.env': 'MX_Alerts_AdminEmail=ops@failing.mycompany.org\n' });
    try {
      const run = await runCli(['check', '--format', 'json', '--dns-server', dns.address], failing);
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(parseJsonReport(run), []);
      assert.match(run.stderr, /DNS could not be checked for failing\.mycompany\.org/);
    } finally {
      removeTree(failing);
    }
  });
});
