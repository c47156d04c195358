// An environment's settings → the read-only YAML document `mendix-cloud://<AppId>/<Mode>`
// that the same readers and rules as any settings file understand (sources/mendixCloud.ts):
//
//   # mendix-email: target=mendix-cloud
//   # mendix-cloud: app=calc environment=Production production=true
//   # …two lines that say what this is…
//   Email_Connector.SMTPPort: 587  # deployed: 25
//
// One `Module.Constant: value` per line, every constant of the environment (encryption-key-
// missing and sending-disabled need the others), secrets masked. A trailing `# deployed: …`
// means the running app still uses that value; the line's value takes effect at the next
// restart. The document text alone carries all of it, so the editor and the CLI read it alike.
import { parse as parseYaml } from 'yaml';
import type { Range } from '../core/types';
import type { CloudConstant, CloudEnvironment, CloudSettings } from './api';
import { isSecretConstant, MASK } from './secrets';
import { cloudDocumentUri } from './uri';

export interface RenderedConstant {
  name: string;
  /** 0-based line in the rendered text */
  line: number;
  keyRange: Range;
  /** the value's text (inside the quotes when quoted) */
  valueRange: Range;
  masked: boolean;
  /** the running app uses another value (the line carries `# deployed: …`) */
  notYetDeployed: boolean;
}

export interface RenderedEnvironment {
  /** `mendix-cloud://<AppId>/<Mode>`: the document's URI and the CLI's file name */
  uri: string;
  appId: string;
  mode: string;
  production: boolean;
  text: string;
  constants: RenderedConstant[];
}

/** The marker comment the reader takes the app, environment and production flag from. */
export const HEADER_MARKER = '# mendix-cloud:';

export function renderEnvironment(appId: string, environment: Pick<CloudEnvironment, 'Mode' | 'Production'>, settings: CloudSettings): RenderedEnvironment {
  const mode = environment.Mode;
  const lines = [
    '# mendix-email: target=mendix-cloud',
    `${HEADER_MARKER} app=${encodeURIComponent(appId)} environment=${encodeURIComponent(mode)} production=${environment.Production}`,
    `# The constants of ${oneLine(appId)}/${oneLine(mode)} in Mendix Cloud, read-only. Secrets are masked.`,
    '# "# deployed: X" = the running app still uses X; the value shown takes effect at the next restart.',
  ];
  const constants: RenderedConstant[] = [];
  const sorted = [...settings.Constants].sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
  for (const c of sorted) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(c.Name)) continue; // not a constant name: a YAML key it must not break
    const masked = isSecretConstant(c.Name) && c.Value !== '';
    const value = masked ? JSON.stringify(MASK) : scalar(c.Value, c.DataType);
    const notYetDeployed = c.DeployedValue !== c.Value;
    const deployed = !notYetDeployed ? '' : `  # deployed: ${c.DeployedValue === null ? '(none)' : isSecretConstant(c.Name) && c.DeployedValue !== '' ? JSON.stringify(MASK) : scalar(c.DeployedValue, c.DataType)}`;
    const line = lines.length;
    const valueStart = c.Name.length + 2 + (value.startsWith('"') ? 1 : 0);
    const valueEnd = c.Name.length + 2 + value.length - (value.startsWith('"') ? 1 : 0);
    constants.push({
      name: c.Name,
      line,
      keyRange: { start: { line, character: 0 }, end: { line, character: c.Name.length } },
      valueRange: { start: { line, character: valueStart }, end: { line, character: valueEnd } },
      masked,
      notYetDeployed,
    });
    lines.push(`${c.Name}: ${value}${deployed}`);
  }
  return { uri: cloudDocumentUri(appId, mode), appId, mode, production: environment.Production, text: `${lines.join('\n')}\n`, constants };
}

/** The rendered constant on a line (where a finding or a cursor is), if any. */
export function constantOnLine(rendered: Pick<RenderedEnvironment, 'constants'>, line: number): RenderedConstant | undefined {
  return rendered.constants.find((c) => c.line === line);
}

const PLAIN = /^[A-Za-z0-9_@+/.=][A-Za-z0-9_@+/.=-]*$/;

/**
 * A value as a YAML scalar that reads back as the same text: plain where that is safe (and,
 * for a String constant, where YAML would not read it as a number or boolean), else a JSON
 * string, which YAML reads as a double-quoted scalar with the same escapes.
 */
function scalar(value: string, dataType: string): string {
  if (!PLAIN.test(value)) return JSON.stringify(value);
  let read: unknown;
  try {
    read = parseYaml(value);
  } catch {
    return JSON.stringify(value);
  }
  if (dataType === 'String' && read !== value) return JSON.stringify(value);
  if (String(read) !== value) return JSON.stringify(value);
  return value;
}

/** A name in a comment: no line breaks. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

export type { CloudConstant };
