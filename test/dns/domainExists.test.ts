// Domain existence per RFC 5321 §5.1 and RFC 7505, against the test DNS server.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkMailDomain, isNullMx, resolveHost, RESOLVER_CANARY } from '../../server/src/dns/domainExists';
import { createResolver, describeReason, type DnsResolver } from '../../server/src/dns/resolver';
import { startDnsServer, type TestDnsServer } from '../support/dnsServer';
import { TEST_ZONE } from './zone';

describe('mail domain and host existence', () => {
  let dns: TestDnsServer;
  let resolver: DnsResolver;
  before(async () => {
    dns = await startDnsServer({ zone: TEST_ZONE });
    resolver = createResolver({ servers: [dns.address], timeoutMs: 1000 });
  });
  after(async () => {
    resolver.cancelAll();
    await dns.close();
  });

  it('a domain with MX accepts mail, without asking for A', async () => {
    assert.deepEqual(await checkMailDomain(resolver, 'good.nl'), { status: 'accepts-mail', via: 'MX', records: ['10 mx.good.nl'] });
    assert.equal(dns.count('good.nl', 'A'), 0);
  });

  it('a domain with only an A record accepts mail (implicit MX)', async () => {
    assert.deepEqual(await checkMailDomain(resolver, 'aonly.nl'), { status: 'accepts-mail', via: 'A', records: ['192.0.2.10'] });
  });

  it('NXDOMAIN is "no such domain"', async () => {
    assert.deepEqual(await checkMailDomain(resolver, 'does-not-exist.nl'), { status: 'no-such-domain' });
  });

  it('a name with neither MX nor A/AAAA has no mail records', async () => {
    assert.deepEqual(await checkMailDomain(resolver, 'nomail.nl'), { status: 'no-mail-records' });
  });

  it('a null MX says the domain takes no mail', async () => {
    assert.deepEqual(await checkMailDomain(resolver, 'nullmx.nl'), { status: 'null-mx' });
    assert.ok(isNullMx([{ exchange: '', priority: 0 }]));
    assert.ok(!isNullMx([{ exchange: '', priority: 0 }, { exchange: 'mx.a.nl', priority: 10 }]));
  });

  it('a timeout or SERVFAIL is could-not-check, never "does not exist"', async () => {
    const slow = await checkMailDomain(resolver, 'slow.nl');
    assert.deepEqual(slow, { status: 'could-not-check', unchecked: { name: 'slow.nl', type: 'MX', reason: 'timeout' } });
    const broken = await checkMailDomain(resolver, 'broken.nl');
    assert.deepEqual(broken, { status: 'could-not-check', unchecked: { name: 'broken.nl', type: 'MX', reason: 'server-failure' } });
  });

  it('hosts: A, else AAAA; an existing name without addresses; NXDOMAIN', async () => {
    assert.deepEqual(await resolveHost(resolver, 'smtp.sendgrid.net'), { status: 'resolves', via: 'A', addresses: ['192.0.2.99'] });
    assert.deepEqual(await resolveHost(resolver, 'ipv6only-smtp.nl'), { status: 'resolves', via: 'AAAA', addresses: ['2001:db8::25'] });
    assert.deepEqual(await resolveHost(resolver, 'noaddress-smtp.nl'), { status: 'no-address' });
    assert.deepEqual(await resolveHost(resolver, 'smtp.sendgird.net'), { status: 'no-such-domain' });
    assert.equal((await resolveHost(resolver, 'broken.nl')).status, 'could-not-check');
  });
});

describe('a resolver that answers NXDOMAIN for every name (DNS filtering, a sinkhole)', () => {
  let sinkhole: TestDnsServer;
  let resolver: DnsResolver;
  before(async () => {
    sinkhole = await startDnsServer({ topLevelDomainsExist: false });
    resolver = createResolver({ servers: [sinkhole.address], timeoutMs: 1000 });
  });
  after(async () => {
    resolver.cancelAll();
    await sinkhole.close();
  });

  it('is "could not check: this resolver answers that nothing exists", never "smtp.sendgrid.net does not exist"', async () => {
    assert.deepEqual(await resolveHost(resolver, 'smtp.sendgrid.net'), {
      status: 'could-not-check',
      unchecked: { name: 'smtp.sendgrid.net', type: 'A', reason: 'answers-nothing-exists' },
    });
    assert.deepEqual(await checkMailDomain(resolver, 'mycompany.nl'), {
      status: 'could-not-check',
      unchecked: { name: 'mycompany.nl', type: 'MX', reason: 'answers-nothing-exists' },
    });
    assert.match(describeReason('answers-nothing-exists'), /this resolver answers that nothing exists/);
  });

  it('the canary costs one query for the resolver, however many names', async () => {
    await Promise.all(['a.nl', 'b.nl', 'c.org'].map((d) => checkMailDomain(resolver, d)));
    assert.equal(sinkhole.count(RESOLVER_CANARY, 'A'), 1);
  });
});
