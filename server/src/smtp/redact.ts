// Keeps credentials out of every text a test send produces: transcript, errors, report.
// nodemailer already masks its own AUTH log lines; this is the second lock on the door,
// because a server may echo what it received and errors may quote a command.

const HIDDEN = '****';

function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

export type Redactor = (text: string) => string;

/**
 * A function that replaces the password, and the base64 forms an AUTH PLAIN / LOGIN
 * exchange puts on the wire, by `****`.
 */
export function makeRedactor(password: string | undefined, username?: string): Redactor {
  if (!password) return (text) => text;
  const forms = new Set<string>([password, b64(password), b64(password).replace(/=+$/, '')]);
  if (username !== undefined) {
    for (const blob of [`\0${username}\0${password}`, `${username}\0${username}\0${password}`]) {
      forms.add(b64(blob));
      forms.add(b64(blob).replace(/=+$/, ''));
    }
  }
  forms.add(encodeURIComponent(password));
  // the longest first, so a form that contains another is replaced whole
  const ordered = [...forms].filter((f) => f.length >= 3).sort((a, b) => b.length - a.length);
  return (text: string) => {
    let out = text;
    for (const f of ordered) if (out.includes(f)) out = out.split(f).join(HIDDEN);
    return out;
  };
}

/** An AUTH command or continuation line as it may be shown: the mechanism, never the payload. */
export function maskAuthLine(line: string): string {
  const m = /^AUTH\s+(\S+)(\s+\S.*)?$/i.exec(line);
  if (m) return m[2] ? `AUTH ${m[1]} ${HIDDEN}` : `AUTH ${m[1]}`;
  return `${HIDDEN} (credentials, hidden)`;
}
