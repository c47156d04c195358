// SPF: the record parser (syntax) and the policy walk (lookup and void-lookup counting,
// two records, includes) against the test DNS server.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createResolver, type DnsResolver } from '../../server/src/dns/resolver';
import { checkSpf, describeSpfProblem, spfIncludes } from '../../server/src/dns/spf';
import { expandDomainSpec, isSpfRecord, parseSpf } from '../../server/src/dns/spfRecord';
import { startDnsServer, type TestDnsServer } from '../support/dnsServer';
import { TEST_ZONE } from './zone';

describe('SPF record syntax', () => {
  it('recognises SPF records by their version exactly', () => {
    assert.ok(isSpfRecord('v=spf1 -all'));
    assert.ok(isSpfRecord('V=SPF1'));
    assert.ok(!isSpfRecord('v=spf10 -all'));
    assert.ok(!isSpfRecord('spf1 -all'));
  });

  it('accepts the usual records', () => {
    for (const record of [
      'v=spf1 include:_spf.google.com ~all',
      'v=spf1 mx a:mail.acme.nl/24 ip4:192.0.2.0/24 ip6:2001:db8::/32 -all',
      'v=spf1 a//64 mx/24//64 ptr ?all',
      'v=spf1 exists:%{i}._spf.%{d} redirect=_spf.acme.nl',
      'v=spf1 include:spf.protection.outlook.com  -all ',
      'v=spf1 foo=bar exp=explain._spf.%{d} -all',
    ]) {
      assert.deepEqual(parseSpf(record).errors, [], record);
    }
  });

  it('reports what receivers reject', () => {
    const cases: [string, RegExp][] = [
      ['v=spf1 ip4:300.1.1.1 -all', /not a valid IPv4/],
      ['v=spf1 ip4:192.0.2.0/33 -all', /prefix length/],
      ['v=spf1 ip6:192.0.2.1 -all', /not a valid IPv6/],
      ['v=spf1 include -all', /needs ":domain"/],
      ['v=spf1 include:localhost -all', /not a domain name/],
      ['v=spf1 ipv4:192.0.2.1 -all', /unknown mechanism/],
      ['v=spf1 all:acme.nl', /takes no argument/],
      ['v=spf1 redirect=a.nl redirect=b.nl', /more than once/],
      ['v=spf1 include:%{z}.acme.nl -all', /bad macro/],
      ['v=spf1 a:acme..nl -all', /empty label/],
    ];
    for (const [record, message] of cases) {
      const { errors } = parseSpf(record);
      assert.equal(errors.length, 1, record);
      assert.match(errors[0].message, message, record);
    }
  });

  it('expands the macros it can know without a sender', () => {
    assert.equal(expandDomainSpec('_spf.%{d}', 'acme.nl', 'acme.nl'), '_spf.acme.nl');
    assert.equal(expandDomainSpec('%{d2}', 'mail.acme.nl', 'acme.nl'), 'acme.nl');
    assert.equal(expandDomainSpec('%{dr}', 'mail.acme.nl', 'acme.nl'), 'nl.acme.mail');
    assert.equal(expandDomainSpec('%{i}._spf.%{d}', 'acme.nl', 'acme.nl'), undefined);
  });
});

describe('SPF policy walk', () => {
  let dns: TestDnsServer;
  let resolver: DnsResolver;
  before(async () => {
    dns = await startDnsServer({ zone: TEST_ZONE });
    resolver = createResolver({ servers: [dns.address], timeoutMs: 1000, retries: 0 });
  });
  after(async () => {
    resolver.cancelAll();
    await dns.close();
  });

  it('a valid policy: counts lookups and collects includes recursively', async () => {
    const policy = await checkSpf(resolver, 'good.nl');
    assert.equal(policy.result, 'valid');
    assert.equal(policy.record, 'v=spf1 include:sendgrid.net include:_spf.google.com -all');
    assert.equal(policy.lookups, 3); // sendgrid.net, _spf.google.com, _netblocks.google.com
    assert.equal(policy.all, '-');
    assert.ok(spfIncludes(policy, 'sendgrid.net'));
    assert.ok(spfIncludes(policy, '_netblocks.google.com'), 'reached through _spf.google.com');
    assert.ok(!spfIncludes(policy, '_spf.mendix.com'));
    assert.deepEqual(policy.listedAddresses, [], "included records' addresses are not the domain's own");
  });

  it('no SPF record at all is "none"', async () => {
    assert.equal((await checkSpf(resolver, 'nospf.nl')).result, 'none');
    assert.equal((await checkSpf(resolver, 'does-not-exist.nl')).result, 'none');
  });

  it('exactly 10 lookups is fine; 11 is a permerror (flat and nested)', async () => {
    const ten = await checkSpf(resolver, 'ten.nl');
    assert.equal(ten.lookups, 10);
    assert.equal(ten.result, 'valid');
    for (const domain of ['eleven.nl', 'nested-eleven.nl']) {
      const policy = await checkSpf(resolver, domain);
      assert.equal(policy.lookups, 11, domain);
      assert.equal(policy.result, 'permerror', domain);
      assert.deepEqual(policy.problems, [{ kind: 'too-many-lookups', count: 11 }]);
      assert.match(describeSpfProblem(policy.problems[0]), /needs 11 DNS lookups .*limit is 10/);
    }
  });

  it('2 void lookups are fine; 3 are a permerror', async () => {
    const two = await checkSpf(resolver, 'void2.nl');
    assert.equal(two.voidLookups, 2);
    assert.equal(two.result, 'valid');
    const three = await checkSpf(resolver, 'void3.nl');
    assert.equal(three.voidLookups, 3);
    assert.equal(three.result, 'permerror');
    assert.equal(three.problems[0].kind, 'too-many-void-lookups');
    assert.match(describeSpfProblem(three.problems[0]), /3 lookups find nothing \(.*gone1\.void3\.nl.*\)/);
  });

  it('two v=spf1 records are a permerror', async () => {
    const policy = await checkSpf(resolver, 'twospf.nl');
    assert.equal(policy.result, 'permerror');
    assert.deepEqual(policy.problems, [{ kind: 'multiple-records', domain: 'twospf.nl', count: 2 }]);
  });

  it('a syntax error is a permerror', async () => {
    const policy = await checkSpf(resolver, 'syntax.nl');
    assert.equal(policy.result, 'permerror');
    assert.equal(policy.problems[0].kind, 'syntax');
  });

  it('an include loop ends as too many lookups', async () => {
    const policy = await checkSpf(resolver, 'loop.nl');
    assert.equal(policy.result, 'permerror');
    assert.equal(policy.problems[0].kind, 'too-many-lookups');
  });

  it('lists the domain\'s own ip4/ip6 terms', async () => {
    const policy = await checkSpf(resolver, 'hardcoded.nl');
    assert.deepEqual(policy.listedAddresses, ['ip4:192.0.2.5', 'ip4:192.0.2.6']);
  });

  it('an include that does not answer makes the result could-not-check, not an error', async () => {
    const policy = await checkSpf(resolver, 'half.nl');
    assert.equal(policy.result, 'could-not-check');
    assert.deepEqual(policy.unchecked, [{ name: 'slow.nl', type: 'TXT', reason: 'timeout' }]);
    assert.equal((await checkSpf(resolver, 'broken.nl')).result, 'could-not-check');
  });
});
