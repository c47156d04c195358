// Tokenizes sample files with the real TextMate engine (vscode-textmate + the oniguruma
// WASM build VS Code uses), with our injection grammars over a host grammar.
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

const root = join(__dirname, '..', '..', '..');
const syntaxes = join(root, 'syntaxes');

export interface Token {
  line: number;
  text: string;
  scopes: string[];
}

let onigLib: Promise<vsctm.IOnigLib> | undefined;
function loadOniguruma(): Promise<vsctm.IOnigLib> {
  onigLib ??= (async () => {
    const wasmPath = join(dirname(require.resolve('vscode-oniguruma')), 'onig.wasm');
    const wasm = readFileSync(wasmPath);
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    };
  })();
  return onigLib;
}

/** scope name → grammar file: ours as package.json contributes them, then the host grammars. */
export function grammarFiles(hosts: Hosts): Record<string, string> {
  return {
    ...Object.fromEntries(contributed.map((g) => [g.scopeName, join(root, g.path)])),
    'source.yaml': hosts.yaml,
    'source.json': hosts.json,
    ...(hosts.dotenv ? { 'source.dotenv': hosts.dotenv } : {}),
  };
}

/** The host grammars; `dotenv` only where the editor ships one (VS Code 1.106+). */
export interface Hosts {
  yaml: string;
  json: string;
  dotenv?: string;
  /** the scope .env files are tokenized with: VS Code's source.dotenv, or ours where there is none */
  dotenvScope: string;
}

/** Small stand-ins for the YAML and JSON grammars; .env files get our own grammar, as in an editor without one. */
export const stubHosts: Hosts = {
  yaml: join(__dirname, 'hosts', 'yaml.tmLanguage.json'),
  json: join(__dirname, 'hosts', 'json.tmLanguage.json'),
  dotenvScope: 'source.dotenv.mendix-email',
};

/** VS Code's own grammars, when the end-to-end set-up has installed VS Code into .tools/. */
export function vscodeHosts(): Hosts | undefined {
  const candidates = [
    join(root, '.tools', 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'extensions'),
    join(root, '.tools', 'code-server', 'lib', 'vscode', 'extensions'),
    join(root, '.tools', 'vscode', 'resources', 'app', 'extensions'),
  ];
  for (const ext of candidates) {
    const hosts = {
      yaml: join(ext, 'yaml', 'syntaxes', 'yaml.tmLanguage.json'),
      json: join(ext, 'json', 'syntaxes', 'JSON.tmLanguage.json'),
      dotenv: join(ext, 'dotenv', 'syntaxes', 'dotenv.tmLanguage.json'),
      dotenvScope: 'source.dotenv',
    };
    if (existsSync(hosts.yaml) && existsSync(hosts.json) && existsSync(hosts.dotenv)) return hosts;
  }
  return undefined;
}

// The injections exactly as package.json contributes them (so a wrong contribution fails here).
interface GrammarContribution { scopeName: string; path: string; language?: string; injectTo?: string[] }
export const contributed: GrammarContribution[] = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).contributes?.grammars ?? [];
const injectionsByHost: Record<string, string[]> = {};
for (const g of contributed) for (const host of g.injectTo ?? []) (injectionsByHost[host] ??= []).push(g.scopeName);

export async function tokenize(text: string, hostScope: string, hosts: Hosts = stubHosts): Promise<Token[]> {
  const files = grammarFiles(hosts);
  const registry = new vsctm.Registry({
    onigLib: loadOniguruma(),
    loadGrammar: async (scopeName) => {
      let file = files[scopeName];
      // VS Code's YAML grammar is split into versioned parts next to yaml.tmLanguage.json.
      if (!file && scopeName.startsWith('source.yaml.')) file = join(dirname(files['source.yaml']), `yaml-${scopeName.slice('source.yaml.'.length)}.tmLanguage.json`);
      if (!file || !existsSync(file)) return null;
      return vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file);
    },
    getInjections: (scopeName) => injectionsByHost[scopeName],
  });
  const grammar = await registry.loadGrammar(hostScope);
  if (!grammar) throw new Error(`no grammar for ${hostScope}`);
  const tokens: Token[] = [];
  let state = vsctm.INITIAL;
  text.split(/\r?\n/).forEach((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, state);
    for (const t of result.tokens) tokens.push({ line, text: lineText.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    state = result.ruleStack;
  });
  return tokens;
}

/** The scopes of the token(s) covering `text` on `line` (joined when the engine split it). */
export function scopesAt(tokens: Token[], line: number, text: string): string[] {
  const onLine = tokens.filter((t) => t.line === line);
  const exact = onLine.find((t) => t.text === text);
  if (exact) return exact.scopes;
  const lineText = onLine.map((t) => t.text).join('');
  const start = lineText.indexOf(text);
  if (start < 0) throw new Error(`"${text}" is not on line ${line}: ${lineText}`);
  let offset = 0;
  for (const t of onLine) {
    if (offset <= start && start < offset + t.text.length) return t.scopes;
    offset += t.text.length;
  }
  return [];
}
