// Mail domains that are real although they are one edit away from a common one: the country
// variants of the big consumer services (hotmail.be, yahoo.dk, outlook.dk) and their other
// brands (ymail.com is Yahoo's). domain-typo must never "fix" an address at one of these.
const variants = (brand: string, suffixes: string) => suffixes.split(' ').map((s) => `${brand}.${s}`);

export const REAL_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  ...variants('yahoo', 'com co.uk fr de it es ca com.au co.in co.jp com.br com.mx com.ar dk se no fi ie gr nl be at ch pl ro co.nz com.sg com.hk com.tw co.id com.ph com.vn in'),
  ...variants('hotmail', 'com co.uk fr de it es be nl ca com.au gr dk se no fi ch at cz hu sk co.jp co.th com.br com.ar my sg rs lt lv'),
  ...variants('outlook', 'com de fr it es be dk cl com.br com.ar com.au co.il co.nz co.th com.gr com.tr com.vn cz hu ie in jp kr lv my ph pt sa sg sk at'),
  ...variants('live', 'com co.uk fr de it nl be ca com.au dk se no fi ie at ch cl com.ar com.mx in jp ru'),
  ...variants('gmx', 'de net com at ch fr'),
  'ymail.com', 'rocketmail.com', 'msn.com', 'aol.com', 'aim.com', 'me.com', 'mac.com', 'icloud.com',
  'proton.me', 'pm.me', 'protonmail.ch', 'web.de', 'mail.com', 'email.com', 'mail.ru', 'yandex.ru',
  'yandex.com', 'zoho.com', 'fastmail.com', 'tutanota.com', 't-online.de', 'orange.fr', 'free.fr',
  'laposte.net', 'wanadoo.fr', 'libero.it', 'virgilio.it', 'kpnmail.nl', 'ziggo.nl', 'xs4all.nl',
  'telenet.be', 'skynet.be', 'btinternet.com', 'sky.com', 'virginmedia.com', 'comcast.net',
  'verizon.net', 'att.net', 'sbcglobal.net', 'cox.net', 'bigpond.com', 'shaw.ca', 'rogers.com',
  'qq.com', '163.com', '126.com', 'naver.com',
]);
