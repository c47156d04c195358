// The zone the DNS tests serve from 127.0.0.1: one name per situation the rules must tell apart.
// Names avoid reserved TLDs (.test, .example) because the rules never ask DNS about those.
import type { ZoneEntry } from '../support/dnsServer';

const mx = (host: string) => [{ preference: 10, exchange: host }];
const spfOnly = (record: string): ZoneEntry => ({ TXT: [record] });

function includesChain(prefix: string, count: number): Record<string, ZoneEntry> {
  const zone: Record<string, ZoneEntry> = {};
  for (let i = 1; i <= count; i++) zone[`${prefix}${i}.spf-parts.nl`] = spfOnly('v=spf1 ip4:192.0.2.1 -all');
  return zone;
}
const includes = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `include:${prefix}${i + 1}.spf-parts.nl`).join(' ');

export const TEST_ZONE: Record<string, ZoneEntry> = {
  // providers' SPF records
  'sendgrid.net': spfOnly('v=spf1 ip4:167.89.0.0/17 ~all'),
  '_spf.mendix.com': spfOnly('v=spf1 ip4:192.0.2.0/24 -all'),
  '_spf.google.com': spfOnly('v=spf1 include:_netblocks.google.com ~all'),
  '_netblocks.google.com': spfOnly('v=spf1 ip4:198.51.100.0/24 ~all'),
  'smtp.sendgrid.net': { A: ['192.0.2.99'] },
  'smtp.gmail.com': { A: ['192.0.2.98'], AAAA: ['2001:db8::98'] },
  'ipv6only-smtp.nl': { AAAA: ['2001:db8::25'] },
  'noaddress-smtp.nl': { MX: mx('mx.good.nl') },

  'outlook.com': { MX: mx('mx.good.nl'), TXT: ['v=spf1 include:spf2.outlook.com -all'] },
  'spf2.outlook.com': spfOnly('v=spf1 ip4:192.0.2.200 -all'),
  '_dmarc.outlook.com': { TXT: ['v=DMARC1; p=none'] },
  // sender / recipient domains
  'good.nl': { MX: mx('mx.good.nl'), TXT: ['v=spf1 include:sendgrid.net include:_spf.google.com -all', 'google-site-verification=abc'] },
  '_dmarc.good.nl': { TXT: ['v=DMARC1; p=reject; rua=mailto:d@good.nl'] },
  'mx.good.nl': { A: ['192.0.2.20'] },
  'aonly.nl': { A: ['192.0.2.10'] },
  'nullmx.nl': { MX: [{ preference: 0, exchange: '.' }] },
  'nomail.nl': { TXT: ['hello'] },
  'nodmarc.nl': { MX: mx('mx.good.nl'), TXT: ['v=spf1 include:sendgrid.net -all'] },
  'sub.orgdmarc.nl': { MX: mx('mx.good.nl') },
  '_dmarc.orgdmarc.nl': { TXT: ['v=DMARC1; p=quarantine'] },
  'noinclude.nl': { MX: mx('mx.good.nl'), TXT: ['v=spf1 include:_spf.google.com ~all'] },
  '_dmarc.noinclude.nl': { TXT: ['v=DMARC1; p=none'] },
  'nospf.nl': { MX: mx('mx.good.nl') },
  '_dmarc.nospf.nl': { TXT: ['v=DMARC1; p=none'] },
  'mendix-ok.nl': { MX: mx('mx.good.nl'), TXT: ['v=spf1 include:_spf.mendix.com -all'] },
  '_dmarc.mendix-ok.nl': { TXT: ['v=DMARC1; p=none'] },
  '_dmarc.mendix-nested.nl': { TXT: ['v=DMARC1; p=none'] },
  'mendix-nested.nl': { MX: mx('mx.good.nl'), TXT: ['v=spf1 include:_spf.mendix-nested.nl -all'] },
  '_spf.mendix-nested.nl': spfOnly('v=spf1 include:_spf.mendix.com ~all'),
  'hardcoded.nl': { MX: mx('mx.good.nl'), TXT: ['v=spf1 ip4:192.0.2.5 ip4:192.0.2.6 -all'] },
  '_dmarc.hardcoded.nl': { TXT: ['v=DMARC1; p=none'] },
  'ten.nl': { MX: mx('mx.good.nl'), TXT: [`v=spf1 ${includes('t', 8)} a mx -all`], A: ['192.0.2.30'] },
  ...includesChain('t', 8),
  'eleven.nl': { MX: mx('mx.good.nl'), TXT: [`v=spf1 ${includes('e', 9)} a mx -all`], A: ['192.0.2.31'] },
  ...includesChain('e', 9),
  'nested-eleven.nl': { MX: mx('mx.good.nl'), TXT: ['v=spf1 include:n1.spf-parts.nl include:n2.spf-parts.nl -all'] },
  'n1.spf-parts.nl': spfOnly(`v=spf1 ${includes('m', 5)} ~all`),
  'n2.spf-parts.nl': spfOnly(`v=spf1 ${includes('p', 4)} ~all`),
  ...includesChain('m', 5),
  ...includesChain('p', 4),
  'void3.nl': { MX: mx('mx.good.nl'), TXT: ['v=spf1 a:gone1.void3.nl a:gone2.void3.nl mx:gone3.void3.nl -all'] },
  'void2.nl': { MX: mx('mx.good.nl'), TXT: ['v=spf1 a:gone1.void2.nl mx:gone2.void2.nl include:sendgrid.net -all'] },
  'twospf.nl': { MX: mx('mx.good.nl'), TXT: ['v=spf1 include:sendgrid.net -all', 'v=spf1 ip4:192.0.2.7 -all'] },
  'syntax.nl': { MX: mx('mx.good.nl'), TXT: ['v=spf1 ip4:300.1.1.1 include:sendgrid.net -all'] },
  'loop.nl': { MX: mx('mx.good.nl'), TXT: ['v=spf1 include:loop.nl -all'] },
  'long.nl': { MX: mx('mx.good.nl'), TXT: [['v=spf1 include:sendgrid.net ', 'include:_spf.google.com -all']] },

  // servers that do not answer, or fail
  'slow.nl': { behaviour: 'timeout' },
  '_dmarc.slow.nl': { behaviour: 'timeout' },
  'broken.nl': { behaviour: 'servfail' },
  'refusing.nl': { behaviour: 'refused' },
  'half.nl': { MX: mx('mx.good.nl'), TXT: ['v=spf1 include:slow.nl -all'] },
};
