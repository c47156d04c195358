import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkDmarc, isDmarcRecord, organizationalDomain } from '../../server/src/dns/dmarc';
import { createResolver, type DnsResolver } from '../../server/src/dns/resolver';
import { startDnsServer, type TestDnsServer } from '../support/dnsServer';
import { TEST_ZONE } from './zone';

describe('DMARC', () => {
  let dns: TestDnsServer;
  let resolver: DnsResolver;
  before(async () => {
    dns = await startDnsServer({
      zone: {
        ...TEST_ZONE,
        'slow-dmarc.nl': { MX: [{ preference: 10, exchange: 'mx.good.nl' }] },
        '_dmarc.slow-dmarc.nl': { behaviour: 'timeout' },
        '_dmarc.twodmarc.nl': { TXT: ['v=DMARC1; p=none', 'v=DMARC1; p=reject'] },
      },
    });
    resolver = createResolver({ servers: [dns.address], timeoutMs: 1000, retries: 0 });
  });
  after(async () => {
    resolver.cancelAll();
    await dns.close();
  });

  it('finds the record and its policy', async () => {
    assert.deepEqual(await checkDmarc(resolver, 'good.nl'), {
      status: 'found',
      name: '_dmarc.good.nl',
      record: 'v=DMARC1; p=reject; rua=mailto:d@good.nl',
      policy: 'reject',
    });
  });

  it('falls back to the organizational domain', async () => {
    const result = await checkDmarc(resolver, 'sub.orgdmarc.nl');
    assert.equal(result.status, 'found');
    assert.equal(result.status === 'found' && result.name, '_dmarc.orgdmarc.nl');
  });

  it('reports a missing record, and two records as none', async () => {
    assert.deepEqual(await checkDmarc(resolver, 'nodmarc.nl'), { status: 'missing', asked: ['_dmarc.nodmarc.nl'], duplicate: undefined });
    const two = await checkDmarc(resolver, 'twodmarc.nl');
    assert.equal(two.status, 'missing');
    assert.equal(two.status === 'missing' && two.duplicate, '_dmarc.twodmarc.nl');
  });

  it('a timeout is could-not-check', async () => {
    assert.deepEqual(await checkDmarc(resolver, 'slow-dmarc.nl'), {
      status: 'could-not-check',
      unchecked: { name: '_dmarc.slow-dmarc.nl', type: 'TXT', reason: 'timeout' },
    });
  });

  it('recognises records and organizational domains', () => {
    assert.ok(isDmarcRecord('v=DMARC1; p=none'));
    assert.ok(isDmarcRecord('v=DMARC1'));
    assert.ok(!isDmarcRecord('v=spf1 -all'));
    assert.ok(!isDmarcRecord('v=DMARC10; p=none'));
    assert.equal(organizationalDomain('mail.acme.nl'), 'acme.nl');
    assert.equal(organizationalDomain('a.b.acme.co.uk'), 'acme.co.uk');
    assert.equal(organizationalDomain('acme.nl'), 'acme.nl');
  });
});
