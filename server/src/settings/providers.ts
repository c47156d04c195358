// The one table of SMTP provider knowledge (from shared/docs/providers.md). Rules, hovers,
// completion, the test send and the DNS checks all read it; nothing else hard-codes a
// provider's host, port, username or secret shape.

export type ProviderId =
  | 'gmail'
  | 'microsoft-365'
  | 'amazon-ses'
  | 'sendgrid'
  | 'mailgun'
  | 'postmark'
  | 'mailjet'
  | 'sparkpost'
  | 'brevo'
  | 'mandrill'
  | 'resend';

/** What the provider expects as SMTP username. */
export type UsernameRule =
  | { kind: 'mailbox-address'; description: string } // the full mailbox address
  | { kind: 'fixed'; value: string; description: string } // literally this string
  | { kind: 'same-as-password'; description: string } // Postmark: server token for both
  | { kind: 'access-key-id'; description: string } // SES: AKIA…, 20 characters
  | { kind: 'api-key'; description: string } // Mailjet: 32 hex
  | { kind: 'dashboard-login'; description: string } // Brevo, Mailgun: a login from the dashboard
  | { kind: 'any'; description: string }; // Mandrill: any string

/** The shape of the password / secret the provider expects, and the wrong shapes people paste. */
export interface SecretShape {
  description: string;
  /** the secret starts with this (SendGrid `SG.`, Brevo `xsmtpsib-`) */
  prefix?: string;
  /** exact length (SES SMTP password 44) */
  length?: number;
  /** letters only, this many, spaces allowed between groups (Gmail app password 16) */
  appPasswordLetters?: number;
  /** hexadecimal characters, this many (Mailjet secret key 32) */
  hexLength?: number;
  /** shapes that betray the wrong secret */
  wrong?: { prefix?: string; length?: number; meaning: string }[];
}

export interface KnownFailure {
  /** the SMTP reply code as the server prints it: `534-5.7.9`, `535 5.7.139` */
  code: string;
  meaning: string;
  fix: string;
  /**
   * A reply only this provider gives, recognised whatever the host (a relay in front of it
   * passes it on): the test send's explanation (smtp/explain.ts) reads `explained` from here.
   * Without it the code is too common (a bare 535) to name the provider.
   */
  reply?: RegExp;
  explained?: { cause: string; fix: string };
}

export interface Provider {
  id: ProviderId;
  name: string;
  /** exact host names, lower case; the first is the main one (completion offers it first) */
  hosts: readonly string[];
  /** host patterns where `*` is exactly one DNS label (`email-smtp.*.amazonaws.com`) */
  hostPatterns?: readonly string[];
  /** hosts of this provider that may work without SMTP AUTH (IP-allow-listed relays) */
  authOptionalHosts?: readonly string[];
  starttlsPorts: readonly number[];
  implicitTlsPorts: readonly number[];
  /** the port to suggest when the one written is wrong */
  submissionPort: number;
  username: UsernameRule;
  secret: SecretShape;
  /** SPF `include:` domains a sender domain needs (first = current; others older names) */
  spfIncludes: readonly string[];
  /** says, in one sentence, which credentials the provider wants (for missing-credentials, hovers) */
  credentials: string;
  notes: readonly string[];
  failures: readonly KnownFailure[];
  /** true when basic-auth SMTP is deprecated / disabled by default (Microsoft 365) */
  basicAuthDeprecated?: boolean;
}

/** Port facts that hold for every provider (providers.md, "Port rule"). */
export const IMPLICIT_TLS_PORTS: readonly number[] = [465, 2465];
export const STARTTLS_PORTS: readonly number[] = [25, 587, 2525, 2587];

/** The Mendix mail servers of Cloud v3 (localhost:25, no auth); kept apart: not a provider you choose. */
export const MENDIX_MAIL_SERVERS = {
  name: 'Mendix mail servers (Cloud v3)',
  spfInclude: '_spf.mendix.com',
  dailyLimit: 1000,
} as const;

export const PROVIDERS: readonly Provider[] = [
  {
    id: 'gmail',
    name: 'Gmail / Google Workspace',
    hosts: ['smtp.gmail.com', 'smtp-relay.gmail.com', 'smtp.googlemail.com'],
    authOptionalHosts: ['smtp-relay.gmail.com'],
    starttlsPorts: [587],
    implicitTlsPorts: [465],
    submissionPort: 587,
    username: { kind: 'mailbox-address', description: 'the full Gmail / Workspace address' },
    secret: {
      description: 'a 16-character app password (needs 2-step verification), not the account password',
      appPasswordLetters: 16,
    },
    spfIncludes: ['_spf.google.com'],
    credentials: 'Gmail wants the full address as username and a 16-character app password',
    notes: [
      'The account password does not work: create an app password (2-step verification must be on).',
      'smtp-relay.gmail.com is the Workspace relay; it can authenticate by IP address instead.',
    ],
    failures: [
      {
        code: '534-5.7.9',
        meaning: 'Application-specific password required',
        fix: 'create an app password and use it instead of the account password',
        reply: /\b534[- ]5\.7\.9\b|application-specific password/i,
        explained: {
          cause: 'Gmail refuses the account password: this account needs an app password for SMTP.',
          fix: 'Turn on 2-Step Verification for the Google account, create a 16-character app password (Google Account → Security → App passwords) and put it in the password setting.',
        },
      },
      { code: '535-5.7.8', meaning: 'Username and password not accepted', fix: 'check the address and the app password' },
    ],
  },
  {
    id: 'microsoft-365',
    name: 'Microsoft 365 / Exchange Online',
    hosts: ['smtp.office365.com', 'smtp-mail.outlook.com'],
    starttlsPorts: [587],
    implicitTlsPorts: [],
    submissionPort: 587,
    username: { kind: 'mailbox-address', description: 'the mailbox address' },
    secret: { description: 'basic auth is being retired: use OAuth (XOAUTH2) through the Email Connector' },
    spfIncludes: ['spf.protection.outlook.com'],
    credentials: 'Microsoft 365 wants the mailbox address as username, and OAuth rather than a password',
    basicAuthDeprecated: true,
    notes: [
      'SMTP AUTH is disabled per tenant by default and basic authentication for client submission is being retired.',
      'Use OAuth (SMTP.Send / SMTP.SendAsApp) through the Email Connector.',
      'No implicit TLS port: 465 does not work.',
    ],
    failures: [
      {
        code: '535 5.7.139',
        meaning: 'SMTP AUTH is disabled for the tenant',
        fix: 'enable SMTP AUTH for the mailbox, or better use OAuth through the Email Connector',
        reply: /\b5\.7\.139\b/,
        explained: {
          cause: 'Microsoft 365 has SMTP AUTH (basic authentication) switched off for this tenant or mailbox.',
          fix: 'Ask a Microsoft 365 admin to enable "Authenticated SMTP" for this mailbox (admin center → user → Mail → Manage email apps), or better: send with OAuth through the Email Connector.',
        },
      },
      {
        code: '550 5.7.30',
        meaning: 'Basic authentication is not supported for Client Submission',
        fix: 'use OAuth through the Email Connector',
        reply: /\b5\.7\.30\b/,
        explained: {
          cause: 'Microsoft 365 no longer accepts basic authentication (username + password) for client submission.',
          fix: 'Use OAuth: the Email Connector with a Microsoft 365 OAuth configuration (SMTP.Send permission) instead of a password.',
        },
      },
      {
        code: '554 5.2.252',
        meaning: 'SendAsDenied: the From address is not the mailbox',
        fix: 'send from the authenticated mailbox or grant Send As',
        reply: /\b5\.2\.252\b|SendAsDenied/i,
        explained: {
          cause: 'The server refuses to send as the from address: the account you log in with may not send as it (SendAsDenied).',
          fix: 'Set the from address to the mailbox you log in with, or have an admin grant that mailbox "Send As" permission for the from address.',
        },
      },
    ],
  },
  {
    id: 'amazon-ses',
    name: 'Amazon SES',
    hosts: [],
    hostPatterns: ['email-smtp.*.amazonaws.com'],
    starttlsPorts: [25, 587, 2587],
    implicitTlsPorts: [465, 2465],
    submissionPort: 587,
    username: { kind: 'access-key-id', description: 'the SMTP user name (an access key id: starts AKIA, 20 characters)' },
    secret: {
      description: 'the SMTP password derived for the region (44 base64 characters)',
      length: 44,
      wrong: [{ length: 40, meaning: 'a 40-character AWS secret access key, not SES SMTP credentials' }],
    },
    spfIncludes: ['amazonses.com'],
    credentials: 'Amazon SES wants its SMTP credentials (user name AKIA…, 44-character password), not the AWS access keys',
    notes: ['SMTP credentials are not the AWS access key / secret key.', 'Credentials work only in the region they were created for.'],
    failures: [
      {
        code: '530',
        meaning: 'Must issue a STARTTLS command first',
        fix: 'turn STARTTLS on (port 587) or use implicit TLS on 465',
        reply: /\b530\b.*STARTTLS|STARTTLS.*\b530\b/is,
        explained: {
          cause: 'The server requires STARTTLS before anything else (Amazon SES answers "530 Must issue a STARTTLS command first"), and the connection was not encrypted.',
          fix: 'Turn TLS (STARTTLS) on for this port, or use implicit TLS with SSL on port 465.',
        },
      },
      { code: '535', meaning: 'Authentication Credentials Invalid', fix: 'create SMTP credentials for this region; the AWS secret key does not work' },
    ],
  },
  {
    id: 'sendgrid',
    name: 'SendGrid',
    hosts: ['smtp.sendgrid.net'],
    starttlsPorts: [25, 587, 2525],
    implicitTlsPorts: [465],
    submissionPort: 587,
    username: { kind: 'fixed', value: 'apikey', description: 'literally `apikey`' },
    secret: { description: 'an API key starting `SG.`', prefix: 'SG.' },
    spfIncludes: ['sendgrid.net'],
    credentials: 'SendGrid wants the username `apikey` and an API key starting `SG.` as password',
    notes: ['Whitespace or a newline in the key breaks authentication.'],
    failures: [{ code: '535', meaning: 'Authentication failed', fix: 'username must be `apikey`, password the API key (no whitespace)' }],
  },
  {
    id: 'mailgun',
    name: 'Mailgun',
    hosts: ['smtp.mailgun.org', 'smtp.eu.mailgun.org'],
    starttlsPorts: [25, 587, 2525],
    implicitTlsPorts: [465],
    submissionPort: 587,
    username: { kind: 'dashboard-login', description: '`postmaster@<sending domain>` or another domain login' },
    secret: { description: 'the per-domain SMTP password' },
    spfIncludes: ['mailgun.org'],
    credentials: 'Mailgun wants a domain login (`postmaster@<sending domain>`) and its SMTP password',
    notes: ['Credentials of one region (US / EU) do not work in the other.'],
    failures: [{ code: '535', meaning: 'Authentication failed', fix: 'use the SMTP credentials of the domain, for the right region' }],
  },
  {
    id: 'postmark',
    name: 'Postmark',
    hosts: ['smtp.postmarkapp.com', 'smtp-broadcasts.postmarkapp.com'],
    starttlsPorts: [25, 587, 2525],
    implicitTlsPorts: [],
    submissionPort: 587,
    username: { kind: 'same-as-password', description: 'the server API token (the same as the password)' },
    secret: { description: 'the server API token' },
    spfIncludes: ['spf.mtasv.net'],
    credentials: 'Postmark wants the server API token as both username and password',
    notes: ['No implicit TLS: port 465 hangs.'],
    failures: [],
  },
  {
    id: 'mailjet',
    name: 'Mailjet',
    hosts: ['in-v3.mailjet.com', 'in.mailjet.com'],
    starttlsPorts: [25, 587, 2525],
    implicitTlsPorts: [465],
    submissionPort: 587,
    username: { kind: 'api-key', description: 'the API key (32 hexadecimal characters)' },
    secret: { description: 'the secret key (32 hexadecimal characters)', hexLength: 32 },
    spfIncludes: ['spf.mailjet.com'],
    credentials: 'Mailjet wants the API key as username and the secret key as password',
    notes: ['The old host in.mailjet.com is replaced by in-v3.mailjet.com.'],
    failures: [],
  },
  {
    id: 'sparkpost',
    name: 'SparkPost',
    hosts: ['smtp.sparkpostmail.com', 'smtp.eu.sparkpostmail.com'],
    starttlsPorts: [587, 2525],
    implicitTlsPorts: [],
    submissionPort: 587,
    username: { kind: 'fixed', value: 'SMTP_Injection', description: 'literally `SMTP_Injection`' },
    secret: { description: 'an API key with the "Send via SMTP" permission' },
    spfIncludes: ['sparkpostmail.com'],
    credentials: 'SparkPost wants the username `SMTP_Injection` and an API key with "Send via SMTP" as password',
    notes: ['No implicit TLS port: 465 does not work.'],
    failures: [],
  },
  {
    id: 'brevo',
    name: 'Brevo (Sendinblue)',
    hosts: ['smtp-relay.brevo.com', 'smtp-relay.sendinblue.com'],
    starttlsPorts: [587, 2525],
    implicitTlsPorts: [465],
    submissionPort: 587,
    username: { kind: 'dashboard-login', description: 'the SMTP login shown in the dashboard' },
    secret: {
      description: 'an SMTP key starting `xsmtpsib-`',
      prefix: 'xsmtpsib-',
      wrong: [{ prefix: 'xkeysib-', meaning: 'an API key (`xkeysib-`), not an SMTP key (`xsmtpsib-`)' }],
    },
    spfIncludes: ['spf.brevo.com', 'spf.sendinblue.com'],
    credentials: 'Brevo wants the SMTP login from the dashboard and an SMTP key starting `xsmtpsib-`',
    notes: ['An authorised-IP restriction on the account can block the app.'],
    failures: [],
  },
  {
    id: 'mandrill',
    name: 'Mailchimp Transactional (Mandrill)',
    hosts: ['smtp.mandrillapp.com'],
    starttlsPorts: [25, 587, 2525],
    implicitTlsPorts: [465],
    submissionPort: 587,
    username: { kind: 'any', description: 'any string' },
    secret: { description: 'an API key' },
    spfIncludes: ['spf.mandrillapp.com'],
    credentials: 'Mandrill wants any username and an API key as password',
    notes: [],
    failures: [],
  },
  {
    id: 'resend',
    name: 'Resend',
    hosts: ['smtp.resend.com'],
    starttlsPorts: [25, 587, 2587],
    implicitTlsPorts: [465, 2465],
    submissionPort: 587,
    username: { kind: 'fixed', value: 'resend', description: 'literally `resend`' },
    secret: { description: 'an API key' },
    spfIncludes: [],
    credentials: 'Resend wants the username `resend` and an API key as password',
    notes: [],
    failures: [],
  },
];

// Built once at load: exact host → provider, and the `*` patterns as label-wise matchers.
const byHost = new Map<string, Provider>();
const patterns: { provider: Provider; labels: string[] }[] = [];
for (const provider of PROVIDERS) {
  for (const host of provider.hosts) byHost.set(host, provider);
  for (const pattern of provider.hostPatterns ?? []) patterns.push({ provider, labels: pattern.split('.') });
}

/** The provider a host belongs to (case-insensitive, trailing dot ignored), or undefined. */
export function findProvider(host: string): Provider | undefined {
  let h = host.trim().toLowerCase();
  if (h.endsWith('.')) h = h.slice(0, -1);
  const exact = byHost.get(h);
  if (exact) return exact;
  if (patterns.length === 0 || !h.includes('.')) return undefined;
  const labels = h.split('.');
  for (const { provider, labels: want } of patterns) {
    if (want.length !== labels.length) continue;
    let ok = true;
    for (let i = 0; i < want.length && ok; i++) ok = want[i] === '*' ? labels[i].length > 0 : want[i] === labels[i];
    if (ok) return provider;
  }
  return undefined;
}

export function providerById(id: ProviderId): Provider {
  const p = PROVIDERS.find((x) => x.id === id);
  if (!p) throw new Error(`unknown provider ${id}`);
  return p;
}

/** Every port the provider offers (STARTTLS then implicit TLS). */
export function providerPorts(p: Provider): number[] {
  return [...p.starttlsPorts, ...p.implicitTlsPorts];
}
