// Real SMTP servers on 127.0.0.1 for the test-send tests: smtp-server with STARTTLS or
// implicit TLS, a self-signed certificate made with the openssl CLI at test time, and a
// silent TCP server that never greets.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { SmtpSettings } from '../../../server/src/smtp/settings';

export interface TestCert {
  dir: string;
  keyFile: string;
  certFile: string;
  key: string;
  cert: string;
  cleanup(): void;
}

/** A self-signed certificate for 127.0.0.1 and localhost, made by openssl now. */
export function makeCert(days = 2): TestCert {
  const dir = mkdtempSync(join(tmpdir(), 'mendix-email-smtp-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256',
    '-keyout', keyFile, '-out', certFile, '-days', String(days),
    '-subj', '/CN=localhost/O=Mendix Email test',
    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ], { stdio: 'ignore' });
  return {
    dir,
    keyFile,
    certFile,
    key: readFileSync(keyFile, 'utf8'),
    cert: readFileSync(certFile, 'utf8'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A self-signed certificate for 127.0.0.1 that expired on 2 January 2020 (openssl ca can backdate). */
export function makeExpiredCert(): TestCert {
  const dir = mkdtempSync(join(tmpdir(), 'mendix-email-smtp-expired-'));
  const at = (name: string) => join(dir, name);
  writeFileSync(at('index.txt'), '');
  writeFileSync(at('serial'), '01\n');
  writeFileSync(at('ca.cnf'), [
    '[ ca ]', 'default_ca = CA_default',
    '[ CA_default ]', `dir = ${dir}`, `database = ${at('index.txt')}`, `serial = ${at('serial')}`, `new_certs_dir = ${dir}`,
    'default_md = sha256', 'policy = policy_any', 'copy_extensions = copy', 'unique_subject = no',
    '[ policy_any ]', 'commonName = supplied', '',
  ].join('\n'));
  execFileSync('openssl', ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', at('key.pem'), '-out', at('csr.pem'), '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], { stdio: 'ignore' });
  execFileSync('openssl', ['ca', '-batch', '-config', at('ca.cnf'), '-selfsign', '-keyfile', at('key.pem'), '-in', at('csr.pem'), '-out', at('cert.pem'), '-startdate', '20200101000000Z', '-enddate', '20200102000000Z'], { stdio: 'ignore' });
  return {
    dir,
    keyFile: at('key.pem'),
    certFile: at('cert.pem'),
    key: readFileSync(at('key.pem'), 'utf8'),
    cert: readFileSync(at('cert.pem'), 'utf8'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Received {
  from: string;
  to: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

export interface RunningServer {
  port: number;
  received: Received[];
  /** resolves with the next received message */
  nextMessage(): Promise<Received>;
  close(): Promise<void>;
}

export const USER = 'app@mendix-email.test';
export const PASSWORD = 'S3cret-Pa55word!xyz';

/** smtp-server on 127.0.0.1, a random port; AUTH accepts USER / PASSWORD unless overridden. */
export async function startSmtpServer(options: Partial<SMTPServerOptions> = {}): Promise<RunningServer> {
  const received: Received[] = [];
  const waiters: ((r: Received) => void)[] = [];
  const server = new SMTPServer({
    logger: false,
    disableReverseLookup: true,
    onAuth(auth, _session, cb) {
      if (auth.username === USER && auth.password === PASSWORD) cb(null, { user: auth.username });
      else cb(new Error('Invalid username or password'));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        const r: Received = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((a) => a.address),
          raw,
          parsed: await simpleParser(raw),
        };
        received.push(r);
        waiters.shift()?.(r);
        cb();
      });
    },
    ...options,
  });
  // a client that gives up (timeout, cancel, wrong TLS) resets the connection: expected here
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = ((server as unknown as { server: Server }).server.address() as AddressInfo).port;
  return {
    port,
    received,
    nextMessage: () => new Promise((resolve) => waiters.push(resolve)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A TCP server that accepts and then says nothing: what a wrong port or a TLS-only port looks like. */
export async function startSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<import('node:net').Socket>();
  const server = createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Settings as smtpSettingsFrom would make them, for a local server. */
export function settingsFor(port: number, over: Partial<SmtpSettings> = {}): SmtpSettings {
  return {
    host: '127.0.0.1',
    port,
    secure: false,
    requireStartTls: true,
    username: USER,
    password: { kind: 'literal', value: PASSWORD },
    from: 'app@mendix-email.test',
    written: {},
    notes: [],
    problems: [],
    scope: 'mxruntime',
    fileKind: 'm2ee',
    target: 'self-hosted',
    ...over,
  };
}

/** An m2ee.yaml whose mail settings point at a local server (STARTTLS on), as the CLI tests and bench/smtp.mjs send with. */
export function m2eeFor(port: number, { password, dtapMode }: { password?: string; dtapMode?: string } = {}): string {
  return [
    'mxruntime:',
    ...(dtapMode ? [`  DTAPMode: ${dtapMode}`] : []),
    '  MicroflowConstants:',
    '    MyFirstModule.SMTPHost: 127.0.0.1',
    `    MyFirstModule.SMTPPort: ${port}`,
    `    MyFirstModule.SMTPUsername: ${USER}`,
    ...(password ? [`    MyFirstModule.SMTPPassword: "${password}"`] : []),
    '    MyFirstModule.UseTLS: true',
    `    MyFirstModule.FromAddress: ${USER}`,
    '',
  ].join('\n');
}
