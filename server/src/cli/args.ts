// Turns `mendix-email check …` arguments into options, or a UsageError that main() turns
// into exit code 2. node:util parseArgs keeps the CLI free of an argument-parsing dependency.
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import { closest } from './closest';
import { TARGETS, type SeveritySetting, type Target } from '../core/types';
import { parseEnvironmentSpec, type EnvironmentSpec } from '../cloud/environments';
import { UsageError } from './exit';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'github' | 'gitlab';

export interface CheckCommandOptions {
  paths: string[];
  format: OutputFormat;
  /** write the report here instead of stdout */
  output?: string;
  /** exit 1 when there are more warnings than this; undefined = no limit */
  maxWarnings?: number;
  offline: boolean;
  target?: Target;
  /** a project config file that replaces `.mendix-email.json` discovery */
  config?: string;
  /** `--rule id=severity`, later ones win; beats the project config file */
  rules: Record<string, SeveritySetting>;
  /** report errors only */
  quiet: boolean;
  /** false when --no-color was given; undefined = decide by the terminal */
  color?: boolean;
  /** `--dns-server IP[:PORT]`, in the order given */
  dnsServers: string[];
  /** `--fix`: write the editor's fix-all edits to the files; `--fix-dry-run`: print them as a diff */
  fix?: 'write' | 'dry-run';
  /** `--mendix-cloud <AppId>/<Mode>` | `<AppId>` | `*`, in the order given */
  mendixCloud: EnvironmentSpec[];
  /** `--cloud-timeout SECONDS`: per request to the Deploy API */
  cloudTimeoutSeconds: number;
  help: boolean;
  version: boolean;
}

export { UsageError };

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'github', 'gitlab'];
const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

const CHECK_OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'max-warnings': { type: 'string' },
  offline: { type: 'boolean' },
  target: { type: 'string' },
  config: { type: 'string', short: 'c' },
  rule: { type: 'string', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'dns-server': { type: 'string', multiple: true },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'mendix-cloud': { type: 'string', multiple: true },
  'cloud-timeout': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/**
 * parseArgs' own words, made readable: an unknown option gets "did you mean" (its message
 * ends in an advice about '--' with an unbalanced quote); others lose the code prefix.
 */
function parseArgsProblem(error: Error & { code?: string }): string {
  const unknown = error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /Unknown option '([^']*)'/.exec(error.message)?.[1] : undefined;
  if (unknown === undefined) return error.message.replace(/^TypeError \[[A-Z_]+\]: /, '');
  const name = unknown.replace(/^-+/, '').replace(/=.*$/, '');
  const suggestion = name.length > 1 ? closest(name, Object.keys(CHECK_OPTIONS)) : undefined;
  return `unknown option ${unknown}${suggestion ? ` (did you mean --${suggestion}?)` : ''}`;
}

export function parseCheckArgs(argv: string[]): CheckCommandOptions {
  // `--max-warnings -1` (ESLint's "no limit") would read as an option to parseArgs
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--max-warnings' && argv[i + 1] === '-1') {
      args.push('--max-warnings=-1');
      i++;
    } else args.push(argv[i]);
  }
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: CHECK_OPTIONS,
    });
  } catch (error) {
    throw new UsageError(parseArgsProblem(error as Error & { code?: string }));
  }
  const v = parsed.values;

  const format = (v.format ?? 'text') as OutputFormat;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${v.format}")`);
  }

  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    const text = v['max-warnings'].trim();
    // -1 means "no limit", as in ESLint.
    if (!/^-?\d+$/.test(text) || Number(text) < -1) {
      throw new UsageError(`--max-warnings must be a whole number (got "${v['max-warnings']}")`);
    }
    maxWarnings = Number(text) === -1 ? undefined : Number(text);
  }

  let target: Target | undefined;
  if (v.target !== undefined) {
    if (!TARGETS.includes(v.target as Target)) {
      throw new UsageError(`--target must be one of ${TARGETS.join(', ')} (got "${v.target}")`);
    }
    target = v.target as Target;
  }

  const rules: Record<string, SeveritySetting> = {};
  for (const entry of v.rule ?? []) {
    const match = /^\s*([A-Za-z0-9-]+)\s*[=:]\s*([a-z]+)\s*$/.exec(entry);
    if (!match) throw new UsageError(`--rule wants id=severity, for example --rule invalid-port=warning (got "${entry}")`);
    const severity = match[2] as SeveritySetting;
    if (!SEVERITIES.includes(severity)) {
      throw new UsageError(`--rule ${match[1]}: severity must be one of ${SEVERITIES.join(', ')} (got "${match[2]}")`);
    }
    rules[match[1]] = severity;
  }

  const dnsServers = (v['dns-server'] ?? []).map((server) => {
    if (!isHostPort(server)) throw new UsageError(`--dns-server wants an IP address, optionally with :PORT, for example 127.0.0.1:5353 (got "${server}")`);
    return server;
  });

  if (v.output !== undefined && v.output.trim() === '') throw new UsageError('--output needs a file name');

  const mendixCloud = (v['mendix-cloud'] ?? []).map((text) => {
    const spec = parseEnvironmentSpec(text);
    if ('error' in spec) throw new UsageError(`--mendix-cloud: ${spec.error}`);
    return spec;
  });
  let cloudTimeoutSeconds = 30;
  if (v['cloud-timeout'] !== undefined) {
    const n = Number(v['cloud-timeout'].trim());
    if (!Number.isFinite(n) || n <= 0 || n > 600) throw new UsageError(`--cloud-timeout wants seconds from 0 to 600, for example 30 (got "${v['cloud-timeout']}")`);
    cloudTimeoutSeconds = n;
  }

  return {
    // with --mendix-cloud and no paths only the environments are checked
    paths: parsed.positionals.length ? parsed.positionals : mendixCloud.length ? [] : ['.'],
    format,
    output: v.output,
    maxWarnings,
    offline: v.offline ?? false,
    target,
    config: v.config,
    rules,
    quiet: v.quiet ?? false,
    color: v['no-color'] ? false : v.color ? true : undefined,
    dnsServers,
    fix: v['fix-dry-run'] ? 'dry-run' : v.fix ? 'write' : undefined,
    mendixCloud,
    cloudTimeoutSeconds,
    help: v.help ?? false,
    version: v.version ?? false,
  };
}

function isHostPort(text: string): boolean {
  // DNS servers are addresses (the resolver takes no host names): IP, IP:PORT, [v6]:PORT
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text);
  if (bracketed) return isIP(bracketed[1]) === 6 && validPort(bracketed[2]);
  if (isIP(text) === 6) return true;
  const plain = /^([^:]+)(?::(\d{1,5}))?$/.exec(text);
  return !!plain && isIP(plain[1]) === 4 && validPort(plain[2]);
}

function validPort(port: string | undefined): boolean {
  return port === undefined || (Number(port) >= 1 && Number(port) <= 65535);
}
