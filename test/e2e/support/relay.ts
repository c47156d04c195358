// A local mail relay for the test-send scenarios: smtp-server on 127.0.0.1 with STARTTLS
// (self-signed certificate, trusted through mendixEmail.smtp.trustedCertificates) and AUTH,
// and the m2ee.yaml that points at it.
import { makeCert, PASSWORD, startSmtpServer, USER, type RunningServer, type TestCert } from '../../smtp/support/servers';

export { PASSWORD, USER };

export interface Relay {
  server: RunningServer;
  cert: TestCert;
  /** connections opened to the relay, to prove that nothing was even attempted */
  connections: () => number;
  close: () => Promise<void>;
}

export async function startRelay(): Promise<Relay> {
  const cert = makeCert();
  let connections = 0;
  const server = await startSmtpServer({
    secure: false,
    key: cert.key,
    cert: cert.cert,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
  });
  return {
    server,
    cert,
    connections: () => connections,
    close: async () => {
      await server.close();
      cert.cleanup();
    },
  };
}

export const RELAY_FILE = 'local-relay/m2ee-local-relay.yaml';

/** An m2ee.yaml whose mail settings point at the relay; the password is only referenced, so VS Code asks for it. */
export function relaySettingsFile(port: number): string {
  return [
    '# mendix-email: target=self-hosted',
    'mxruntime:',
    '  MicroflowConstants:',
    '    Mail.SMTPHost: 127.0.0.1',
    `    Mail.SMTPPort: ${port}`,
    `    Mail.SMTPUsername: ${USER}`,
    '    Mail.SMTPPassword: ${SMTP_PASSWORD}',
    '    Mail.UseTLS: true',
    '    Mail.UseSSL: false',
    '    Mail.FromAddress: orders@order-portal.nl',
    '',
  ].join('\n');
}
