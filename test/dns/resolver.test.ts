// The resolver against a real DNS server on 127.0.0.1: three outcomes, retry, cache,
// in-flight sharing, budget.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createResolver, isServerAddress } from '../../server/src/dns/resolver';
import { startDnsServer, type TestDnsServer } from '../support/dnsServer';
import { TEST_ZONE } from './zone';

describe('resolver', () => {
  let dns: TestDnsServer;
  before(async () => {
    dns = await startDnsServer({ zone: { ...TEST_ZONE, 'ttl.nl': { A: ['192.0.2.1'], ttl: 2 } } });
  });
  after(() => dns.close());

  const resolverFor = (extra: Parameters<typeof createResolver>[0] = {}) =>
    createResolver({ servers: [dns.address], timeoutMs: 1000, ...extra });

  it('answers with records, NXDOMAIN, or no data', async () => {
    const resolver = resolverFor();
    assert.deepEqual(await resolver.lookup('good.nl', 'MX'), { outcome: 'answer', records: [{ exchange: 'mx.good.nl', priority: 10 }] });
    assert.deepEqual(await resolver.lookup('aonly.nl', 'A'), { outcome: 'answer', records: ['192.0.2.10'] });
    assert.deepEqual(await resolver.lookup('no-such-name.nl', 'MX'), { outcome: 'nxdomain' });
    assert.deepEqual(await resolver.lookup('aonly.nl', 'MX'), { outcome: 'nodata' });
  });

  it('joins the character-strings of one TXT record without spaces', async () => {
    const result = await resolverFor().lookup('long.nl', 'TXT');
    assert.deepEqual(result, { outcome: 'answer', records: ['v=spf1 include:sendgrid.net include:_spf.google.com -all'] });
  });

  it('reports SERVFAIL and REFUSED as could-not-check', async () => {
    const resolver = resolverFor();
    assert.deepEqual(await resolver.lookup('broken.nl', 'MX'), { outcome: 'could-not-check', reason: 'server-failure', code: 'ESERVFAIL' });
    assert.deepEqual(await resolver.lookup('refusing.nl', 'MX'), { outcome: 'could-not-check', reason: 'refused', code: 'EREFUSED' });
  });

  it('retries a timeout once, then reports could-not-check (never "does not exist")', async () => {
    const before = dns.count('slow.nl', 'MX');
    const started = performance.now();
    const result = await resolverFor({ timeoutMs: 100, retries: 1 }).lookup('slow.nl', 'MX');
    assert.deepEqual(result, { outcome: 'could-not-check', reason: 'timeout', code: 'ETIMEOUT' });
    assert.equal(dns.count('slow.nl', 'MX') - before, 2, 'one try and one retry');
    assert.ok(performance.now() - started < 1000);
  });

  it('reports an unreachable server as could-not-check', async () => {
    const closed = await startDnsServer();
    const address = closed.address;
    await closed.close();
    const result = await createResolver({ servers: [address], timeoutMs: 200 }).lookup('good.nl', 'MX');
    assert.equal(result.outcome, 'could-not-check');
  });

  it('asks once for many simultaneous lookups of one name (in-flight sharing) and then serves the cache', async () => {
    dns.setDelay(30);
    try {
      const resolver = resolverFor({ timeoutMs: 2000 });
      const before = dns.count('nodmarc.nl', 'MX');
      const results = await Promise.all(Array.from({ length: 10 }, () => resolver.lookup('nodmarc.nl', 'MX')));
      assert.ok(results.every((r) => r.outcome === 'answer'));
      await resolver.lookup('NoDmarc.NL.', 'MX');
      assert.equal(dns.count('nodmarc.nl', 'MX') - before, 1);
      assert.equal(resolver.sent, 1);
    } finally {
      dns.setDelay(0);
    }
  });

  it('keeps answers at most 5 minutes, or the record TTL when shorter (injectable clock)', async () => {
    let now = 1_000_000;
    const resolver = resolverFor({ now: () => now });
    const mxBefore = dns.count('mx.good.nl', 'A');
    await resolver.lookup('mx.good.nl', 'A'); // TTL 300 s
    now += 299_000;
    await resolver.lookup('mx.good.nl', 'A');
    assert.equal(dns.count('mx.good.nl', 'A') - mxBefore, 1, 'still cached just before 5 minutes');
    now += 2_000;
    await resolver.lookup('mx.good.nl', 'A');
    assert.equal(dns.count('mx.good.nl', 'A') - mxBefore, 2, 'asked again after 5 minutes');

    const ttlBefore = dns.count('ttl.nl', 'A');
    await resolver.lookup('ttl.nl', 'A'); // TTL 2 s
    now += 1_000;
    await resolver.lookup('ttl.nl', 'A');
    assert.equal(dns.count('ttl.nl', 'A') - ttlBefore, 1);
    now += 1_500;
    await resolver.lookup('ttl.nl', 'A');
    assert.equal(dns.count('ttl.nl', 'A') - ttlBefore, 2, 'the 2 s TTL expired');
  });

  it('caps TXT and MX answers (no TTL from c-ares) at 5 minutes', async () => {
    let now = 0;
    const resolver = resolverFor({ now: () => now });
    const before = dns.count('good.nl', 'TXT');
    await resolver.lookup('good.nl', 'TXT');
    now += 4 * 60_000;
    await resolver.lookup('good.nl', 'TXT');
    assert.equal(dns.count('good.nl', 'TXT') - before, 1);
    now += 61_000;
    await resolver.lookup('good.nl', 'TXT');
    assert.equal(dns.count('good.nl', 'TXT') - before, 2);
  });

  it('stops waiting when the signal aborts (the budget), and says so', async () => {
    const resolver = resolverFor({ timeoutMs: 2000 });
    const started = performance.now();
    const result = await resolver.lookup('slow.nl', 'TXT', { signal: AbortSignal.timeout(80) });
    assert.deepEqual(result, { outcome: 'could-not-check', reason: 'budget' });
    assert.ok(performance.now() - started < 1000);
    resolver.cancelAll();
  });

  it('sends nothing before it is asked', async () => {
    const before = dns.queries.length;
    createResolver({ servers: [dns.address] });
    assert.equal(dns.queries.length, before);
  });

  it('accepts IP[:port] servers and sets the others aside', () => {
    for (const ok of ['127.0.0.1', '127.0.0.1:5353', '::1', '[::1]:53']) assert.ok(isServerAddress(ok), ok);
    for (const bad of ['dns.google', '127.0.0.1:0', '127.0.0.1:99999', '[::1', '1.2.3']) assert.ok(!isServerAddress(bad), bad);
    const resolver = createResolver({ servers: ['dns.google', dns.address] });
    assert.deepEqual(resolver.servers, [dns.address]);
    assert.deepEqual(resolver.rejectedServers, ['dns.google']);
  });
});
