// The five network rules end to end: real settings files through checkDocument, then
// checkOnline against the test DNS server on 127.0.0.1.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDocument } from '../../server/src/engine/check';
import { createResolver, type DnsResolver } from '../../server/src/dns/resolver';
import { ONLINE_RULES } from '../../server/src/rules/online/index';
import { checkOnline, type OnlineCheckContext } from '../../server/src/engine/online';
import { startDnsServer, type TestDnsServer } from '../support/dnsServer';
import { TEST_ZONE } from './zone';
import { CORPUS, needsCorpus } from '../support/corpus';

function m2ee(constants: Record<string, string>, target = 'self-hosted'): string {
  const lines = Object.entries(constants).map(([k, v]) => `    ${k}: "${v}"`);
  return `# mendix-email: target=${target}\nmxruntime:\n  MicroflowConstants:\n${lines.join('\n')}\n`;
}

describe('network rules', () => {
  let dns: TestDnsServer;
  let resolver: DnsResolver;
  before(async () => {
    dns = await startDnsServer({ zone: TEST_ZONE });
    // Generous: the server shares this process's event loop with the first (slow) parse.
    resolver = createResolver({ servers: [dns.address], timeoutMs: 1000, retries: 0 });
  });
  after(async () => {
    resolver.cancelAll();
    await dns.close();
  });

  async function check(text: string, extra: Partial<OnlineCheckContext> = {}, path = '/project/m2ee.yaml') {
    const offline = checkDocument({ path, text });
    assert.ok(offline, 'a settings file');
    const result = await checkOnline(offline, { resolver, ...extra });
    const lines = text.split('\n');
    const at = (f: (typeof result.findings)[number]) =>
      lines[f.range.start.line].slice(f.range.start.character, f.range.end.character);
    return { ...result, ids: result.findings.map((f) => f.ruleId), at };
  }

  it('every rule has metadata and a docs page', () => {
    assert.deepEqual(
      ONLINE_RULES.map((r) => r.id),
      ['domain-not-found', 'spf-missing-include', 'spf-invalid', 'spf-hardcoded-mendix-ips', 'dmarc-missing'],
    );
    for (const rule of ONLINE_RULES) {
      assert.equal(rule.needsNetwork, true);
      assert.equal(rule.docs, `docs/rules/${rule.id}.md`);
      assert.match(readFileSync(join(__dirname, '../..', rule.docs), 'utf8'), /^# /);
    }
  });

  it('a well-set-up sender reports nothing', async () => {
    const { findings, couldNotCheck } = await check(
      m2ee({ 'Email.SMTPHost': 'smtp.sendgrid.net', 'Email.FromAddress': 'App <app@good.nl>', 'Admin.AdminEmail': 'ops@aonly.nl' }),
    );
    assert.deepEqual(findings, []);
    assert.deepEqual(couldNotCheck, []);
  });

  it('domain-not-found: NXDOMAIN, null MX and no mail records, on the address; a host that does not resolve, on the host', async () => {
    const text = m2ee({
      'Email.SMTPHost': 'smtp.sendgird.net',
      'Email.FromAddress': 'app@no-such-sender.nl',
      'Admin.Recipients': 'a@good.nl; ops@nullmx.nl, b@nomail.nl',
    });
    const { findings, at } = await check(text);
    const notFound = findings.filter((f) => f.ruleId === 'domain-not-found');
    assert.deepEqual(notFound.map(at).sort(), ['app@no-such-sender.nl', 'b@nomail.nl', 'ops@nullmx.nl', 'smtp.sendgird.net']);
    const message = (s: string) => notFound.find((f) => at(f) === s)!.message;
    assert.match(message('smtp.sendgird.net'), /does not exist.*NXDOMAIN/);
    assert.match(message('ops@nullmx.nl'), /null MX/);
    assert.match(message('b@nomail.nl'), /no MX, A or AAAA/);
    assert.match(message('app@no-such-sender.nl'), /The sender address .*does not exist/);
    assert.ok(notFound.every((f) => f.severity === 'warning'));
    assert.ok(!findings.some((f) => f.ruleId === 'dmarc-missing'), 'no DMARC finding for a domain that does not exist');
  });

  it('spf-missing-include: the Mendix mail servers need _spf.mendix.com (warning)', async () => {
    const { findings, at } = await check(
      m2ee({ 'Email.SMTPHost': 'localhost', 'Email.SMTPPort': '25', 'Email.FromAddress': 'app@noinclude.nl' }, 'mendix-cloud-v3'),
    );
    const spf = findings.filter((f) => f.ruleId === 'spf-missing-include');
    assert.equal(spf.length, 1);
    assert.equal(spf[0].severity, 'warning');
    assert.equal(at(spf[0]), 'app@noinclude.nl');
    assert.match(spf[0].message, /v=spf1 include:_spf\.google\.com ~all.*does not include _spf\.mendix\.com.*add include:_spf\.mendix\.com/);
  });

  it('spf-missing-include: found directly or through a nested include means no finding', async () => {
    for (const domain of ['mendix-ok.nl', 'mendix-nested.nl']) {
      const { ids } = await check(m2ee({ 'Email.SMTPHost': 'localhost', 'Email.FromAddress': `app@${domain}` }, 'mendix-cloud-v3'));
      assert.deepEqual(ids, [], domain);
    }
  });

  it('spf-missing-include: Gmail is a warning; a provider with its own bounce domain is a hint and says so', async () => {
    const gmail = await check(m2ee({ 'Email.SMTPHost': 'smtp.gmail.com', 'Email.FromAddress': 'me@nodmarc.nl' }));
    const g = gmail.findings.find((f) => f.ruleId === 'spf-missing-include')!;
    assert.equal(g.severity, 'warning');
    assert.match(g.message, /_spf\.google\.com/);
    const sendgrid = await check(m2ee({ 'Email.SMTPHost': 'smtp.sendgrid.net', 'Email.FromAddress': 'me@noinclude.nl' }));
    const s = sendgrid.findings.find((f) => f.ruleId === 'spf-missing-include')!;
    assert.equal(s.severity, 'hint');
    assert.match(s.message, /include:sendgrid\.net.*A hint only/);
  });

  it('spf-missing-include: not for an address at the mailbox provider itself (you@outlook.com)', async () => {
    const { ids } = await check(m2ee({ 'Email.SMTPHost': 'smtp-mail.outlook.com', 'Email.FromAddress': 'me@outlook.com' }));
    assert.ok(!ids.includes('spf-missing-include'), ids.join());
  });

  it('spf-missing-include: no SPF record at all is not this rule\'s claim', async () => {
    const { ids } = await check(m2ee({ 'Email.SMTPHost': 'smtp.gmail.com', 'Email.FromAddress': 'me@nospf.nl' }));
    assert.deepEqual(ids, []);
  });

  it('spf-hardcoded-mendix-ips replaces spf-missing-include when the record lists addresses', async () => {
    const { findings } = await check(
      m2ee({ 'Email.SMTPHost': 'localhost', 'Email.FromAddress': 'app@hardcoded.nl' }, 'mendix-cloud-v3'),
    );
    assert.deepEqual(findings.map((f) => f.ruleId), ['spf-hardcoded-mendix-ips']);
    assert.equal(findings[0].severity, 'warning');
    assert.match(findings[0].message, /ip4:192\.0\.2\.5 ip4:192\.0\.2\.6.*include:_spf\.mendix\.com/);
    // Not on other targets: there localhost is not the Mendix mail server.
    const v4 = await check(m2ee({ 'Email.SMTPHost': 'smtp.gmail.com', 'Email.FromAddress': 'app@hardcoded.nl' }));
    assert.ok(!v4.ids.includes('spf-hardcoded-mendix-ips'));
  });

  it('spf-invalid: 11 lookups, 3 void lookups, two records, a syntax error (error)', async () => {
    const cases: [string, RegExp][] = [
      ['eleven.nl', /11 DNS lookups.*limit is 10/],
      ['nested-eleven.nl', /11 DNS lookups/],
      ['void3.nl', /3 lookups find nothing/],
      ['twospf.nl', /2 SPF records/],
      ['syntax.nl', /syntax error.*300\.1\.1\.1/],
    ];
    for (const [domain, message] of cases) {
      const { findings } = await check(m2ee({ 'Email.SMTPHost': 'smtp.sendgrid.net', 'Email.FromAddress': `app@${domain}` }));
      const invalid = findings.filter((f) => f.ruleId === 'spf-invalid');
      assert.equal(invalid.length, 1, domain);
      assert.equal(invalid[0].severity, 'error');
      assert.match(invalid[0].message, message, domain);
    }
    for (const domain of ['ten.nl', 'void2.nl']) {
      const { ids } = await check(m2ee({ 'Email.SMTPHost': 'smtp.sendgrid.net', 'Email.FromAddress': `app@${domain}` }));
      assert.ok(!ids.includes('spf-invalid'), domain);
    }
  });

  it('dmarc-missing: info, on the sender; the organizational domain counts', async () => {
    const { findings, at } = await check(m2ee({ 'Email.SMTPHost': 'smtp.sendgrid.net', 'Email.FromAddress': 'app@nodmarc.nl' }));
    assert.deepEqual(findings.map((f) => [f.ruleId, f.severity, at(f)]), [['dmarc-missing', 'info', 'app@nodmarc.nl']]);
    assert.match(findings[0].message, /_dmarc\.nodmarc\.nl.*v=DMARC1; p=none/);
    const sub = await check(m2ee({ 'Email.SMTPHost': 'smtp.sendgrid.net', 'Email.FromAddress': 'app@sub.orgdmarc.nl' }));
    assert.deepEqual(sub.ids, []);
  });

  it('a domain that never answers, or SERVFAIL: no finding, "could not check"', async () => {
    const { findings, couldNotCheck } = await check(
      m2ee({ 'Email.SMTPHost': 'smtp.sendgrid.net', 'Email.FromAddress': 'app@slow.nl', 'Admin.AdminEmail': 'ops@broken.nl' }),
    );
    assert.deepEqual(findings, []);
    const reasons = Object.fromEntries(couldNotCheck.map((c) => [`${c.type} ${c.name}`, c.reason]));
    assert.equal(reasons['MX slow.nl'], 'timeout');
    assert.equal(reasons['MX broken.nl'], 'server-failure');
  });

  it('gives up within the budget when the server never answers', async () => {
    const silent = await startDnsServer({ unknown: 'timeout' });
    const slowResolver = createResolver({ servers: [silent.address], timeoutMs: 2500 });
    try {
      const started = performance.now();
      const offline = checkDocument({ path: '/p/m2ee.yaml', text: m2ee({ 'Email.SMTPHost': 'smtp.acme.nl', 'Email.FromAddress': 'a@acme.nl' }) })!;
      const result = await checkOnline(offline, { resolver: slowResolver, budgetMs: 300 });
      const elapsed = performance.now() - started;
      assert.ok(elapsed < 2000, `gave up after ${elapsed} ms`);
      assert.deepEqual(result.findings, []);
      assert.equal(result.incomplete, true);
      assert.ok(result.couldNotCheck.length > 0 && result.couldNotCheck.every((c) => c.reason === 'budget'));
    } finally {
      slowResolver.cancelAll();
      await silent.close();
    }
  });

  it('the cache asks once for many files naming the same domains', async () => {
    const counting = await startDnsServer({ zone: TEST_ZONE });
    const shared = createResolver({ servers: [counting.address], timeoutMs: 2000 });
    try {
      const text = m2ee({ 'Email.SMTPHost': 'smtp.sendgrid.net', 'Email.FromAddress': 'app@nodmarc.nl', 'Admin.AdminEmail': 'ops@good.nl' });
      const files = Array.from({ length: 10 }, (_, i) => checkDocument({ path: `/p/app${i}/m2ee.yaml`, text })!);
      await Promise.all(files.map((f) => checkOnline(f, { resolver: shared })));
      await checkOnline(files[0], { resolver: shared });
      const perQuestion = new Map<string, number>();
      for (const q of counting.queries) perQuestion.set(`${q.type} ${q.name}`, (perQuestion.get(`${q.type} ${q.name}`) ?? 0) + 1);
      assert.ok(perQuestion.size > 3);
      for (const [question, count] of perQuestion) assert.equal(count, 1, question);
    } finally {
      shared.cancelAll();
      await counting.close();
    }
  });

  it('online checks off: no packet is sent', async () => {
    const counting = await startDnsServer({ zone: TEST_ZONE });
    try {
      const off = createResolver({ servers: [counting.address] });
      const offline = checkDocument({ path: '/p/m2ee.yaml', text: m2ee({ 'Email.SMTPHost': 'smtp.sendgird.net', 'Email.FromAddress': 'a@no-such-sender.nl' }) })!;
      const result = await checkOnline(offline, { resolver: off, online: false });
      assert.deepEqual(result, { findings: [], couldNotCheck: [], incomplete: false });
      assert.equal(counting.queries.length, 0);
      assert.equal(off.sent, 0);
    } finally {
      await counting.close();
    }
  });

  it('honours configured severities, "off", and suppression comments', async () => {
    const text = m2ee({ 'Email.SMTPHost': 'smtp.sendgrid.net', 'Email.FromAddress': 'app@nodmarc.nl' });
    const raised = await check(text, { options: { ruleSeverities: { 'dmarc-missing': 'error' } } });
    assert.deepEqual(raised.findings.map((f) => f.severity), ['error']);
    const off = await check(text, { options: { ruleSeverities: { 'dmarc-missing': 'off' } } });
    assert.deepEqual(off.findings, []);
    const suppressedText = text.replace('    Email.FromAddress', '    # mendix-email-disable-next-line dmarc-missing\n    Email.FromAddress');
    const read = checkDocument({ path: '/project/m2ee.yaml', text: suppressedText })!;
    const suppressed = await checkOnline(read, { resolver });
    assert.deepEqual(suppressed.findings, []);
  });

  it('references and reserved domains are never asked about', async () => {
    const counting = await startDnsServer({ zone: TEST_ZONE });
    const own = createResolver({ servers: [counting.address] });
    try {
      const text = m2ee({ 'Email.SMTPHost': '${SMTP_HOST}', 'Email.FromAddress': 'app@example.com', 'Admin.AdminEmail': 'x@mail.test; y@intranet' });
      const offline = checkDocument({ path: '/p/m2ee.yaml', text })!;
      const result = await checkOnline(offline, { resolver: own });
      assert.deepEqual(result.findings, []);
      assert.equal(counting.queries.length, 0);
    } finally {
      await counting.close();
    }
  });

  it('the real corpus: no finding and no question (none of it sets mail addresses)', needsCorpus(), async () => {
    const counting = await startDnsServer({ unknown: 'nxdomain' });
    const own = createResolver({ servers: [counting.address] });
    const corpus = CORPUS;
    const folder = mkdtempSync(join(tmpdir(), 'dns-corpus-'));
    try {
      for (const file of readdirSync(corpus).filter((f) => f !== 'README.md')) {
        const original = /m2ee\.yaml$/.test(file) ? 'm2ee.yaml' : file.endsWith('.env') ? '.env' : /docker-compose[^.]*\.yml$/.exec(file)?.[0] ?? file;
        const path = join(mkdtempSync(join(folder, 'f-')), original);
        const text = readFileSync(join(corpus, file), 'utf8');
        writeFileSync(path, text);
        const offline = checkDocument({ path, text });
        if (!offline) continue;
        const result = await checkOnline(offline, { resolver: own });
        assert.deepEqual(result.findings, [], file);
      }
      assert.equal(counting.queries.length, 0);
    } finally {
      await counting.close();
    }
  });
});
