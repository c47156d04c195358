// Pure helpers of the test-mail commands (no vscode import, so tests run them directly).

/** The value of a literal password as the app sees it, from the text between its quotes. */
export function unquotePassword(raw: string, quote: '"' | "'" | undefined): string {
  if (quote === "'") return raw.replace(/''/g, "'");
  if (quote === '"' && raw.includes('\\')) {
    try {
      return JSON.parse(`"${raw}"`) as string;
    } catch {
      return raw; // a YAML escape JSON does not know: the raw text is the best guess
    }
  }
  return raw;
}

/** SecretStorage key: a stored password is only ever sent to the server it was typed for. */
export function passwordKey(host: string, port: number, username: string): string {
  return `mendixEmail.smtp.password:${host.toLowerCase()}:${port}:${username}`;
}

/** The text of a 0-based line/character range in a text. */
export function textInRange(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split('\n');
  if (range.start.line === range.end.line) return (lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
  const parts = [(lines[range.start.line] ?? '').slice(range.start.character)];
  for (let l = range.start.line + 1; l < range.end.line; l++) parts.push(lines[l] ?? '');
  parts.push((lines[range.end.line] ?? '').slice(0, range.end.character));
  return parts.join('\n');
}
