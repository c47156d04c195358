// Completion where a constant name or a value is expected, in the form the file needs:
// `Module.Constant: ` keys under MicroflowConstants / microflowConstants, `MX_Module_Constant`
// variables in .env files and compose / Cloud Foundry / Kubernetes env; values for ports,
// booleans and provider hosts by the role of the key on the line.
import type { ConstantDeclaration, FileKind, Position, Range } from '../core/types';
import type { Role } from '../core/settings';
import { PROVIDERS } from '../settings/providers';
import { constantKey, roleByEnvKey, roleByName } from '../settings/roles';
import { getLocation } from 'jsonc-parser/lib/esm/main.js';
import { indentOf, lineAt } from './text';

function offsetOf(text: string, p: Position): number {
  let offset = 0;
  for (let line = 0; line < p.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + p.character, text.length);
}

export type CompletionKind = 'constant' | 'variable' | 'value';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  /** replaces `range` */
  insertText: string;
  range: Range;
  sortText?: string;
}

/** Module constants every Mendix mail setup may set (mendix-email.md §2). */
export const KNOWN_CONSTANTS: readonly { name: string; type: string; about: string }[] = [
  { name: 'EmailTemplate.SendingEnabled', type: 'Boolean', about: 'Email Module with Templates: false stops all mail (test environments only)' },
  { name: 'Encryption.EncryptionKey', type: 'String', about: 'Encryption module key; the Email Connector needs it to store passwords' },
  { name: 'Email_Connector.azure_defaultConfig', type: 'String', about: 'Email Connector: default Azure (OAuth) configuration' },
  { name: 'Email_Connector.EmailLogRetention', type: 'Integer', about: 'Email Connector: days to keep the email log' },
  { name: 'Email_Connector.LogNode', type: 'String', about: 'Email Connector: log node name' },
];

const PORTS: { port: string; about: string }[] = [
  { port: '587', about: 'STARTTLS submission port: the usual choice (TLS on, SSL off)' },
  { port: '465', about: 'implicit TLS from the first byte (SSL on, TLS off)' },
  { port: '2525', about: 'STARTTLS on an alternative port, when 587 is blocked (SendGrid, Mailgun, Postmark, …)' },
];

type Place =
  | { what: 'constant-key'; style: 'yaml-key' }
  | { what: 'json-key' }
  | { what: 'env-key'; style: 'dotenv' | 'yaml-key' | 'yaml-list' | 'k8s-name' }
  | { what: 'value'; role: Role | undefined };

/** The parent key of a line: the nearest line above with less indentation that ends in `key:`. */
function parentKey(text: string, line: number, indent: number): string | undefined {
  for (let l = line - 1; l >= 0; l--) {
    const t = lineAt(text, l);
    if (!t.trim() || t.trimStart().startsWith('#')) continue;
    const i = indentOf(t).length;
    if (i >= indent) continue;
    const m = /^\s*(?:-\s+)?([A-Za-z_][\w.-]*)\s*:\s*(?:#.*)?$/.exec(t);
    return m?.[1];
  }
  return undefined;
}

function roleOfKey(key: string): Role | undefined {
  if (key.startsWith('MX_')) return roleByEnvKey(key);
  return roleByName(key);
}

/** What belongs at the cursor, and the range the completion replaces. */
function placeAt(text: string, position: Position, kind: FileKind): { place: Place; range: Range } | undefined {
  const line = lineAt(text, position.line);
  const before = line.slice(0, position.character);
  const at = (start: number): Range => ({ start: { line: position.line, character: start }, end: position });
  if (before.trimStart().startsWith('#')) return undefined;

  // a key inside CONSTANTS JSON written in a YAML or .env value: `CONSTANTS: '{"Mail.|`
  if (/\bCONSTANTS\b/.test(before)) {
    const jsonKey = /[{,]\s*\\?"([\w.]*)$/.exec(before);
    if (jsonKey) return { place: { what: 'json-key' }, range: at(before.length - jsonKey[1].length) };
  }

  if (kind === 'config-json') {
    const offset = offsetOf(text, position);
    const location = getLocation(text, offset);
    if (location.isAtPropertyKey && location.path.length === 2 && location.path[0] === 'Constants') {
      const typed = /"([\w.]*)$/.exec(before);
      if (typed) return { place: { what: 'json-key' }, range: at(before.length - typed[1].length) };
    }
    return undefined;
  }

  if (kind === 'dotenv') {
    const eq = before.indexOf('=');
    if (eq < 0) {
      const start = before.length - /[\w.]*$/.exec(before)![0].length;
      return { place: { what: 'env-key', style: 'dotenv' }, range: at(start) };
    }
    const key = before.slice(0, eq).replace(/^\s*export\s+/, '').trim();
    return { place: { what: 'value', role: roleOfKey(key) }, range: at(eq + 1 + /^\s*/.exec(before.slice(eq + 1))![0].length) };
  }

  // YAML: `key: value` (map), `- KEY=value` (compose list), `- name: MX_…` (Kubernetes)
  const valueMatch = /^(\s*)(?:-\s+)?(["']?)([\w.-]+)\2\s*:\s+(["']?)([^"']*)$/.exec(before);
  if (valueMatch && valueMatch[3] !== 'name') {
    const start = before.length - valueMatch[5].length;
    return { place: { what: 'value', role: roleOfKey(valueMatch[3]) }, range: at(start) };
  }
  const listValue = /^(\s*)-\s+([\w.]+)=([^=]*)$/.exec(before);
  if (listValue) return { place: { what: 'value', role: roleOfKey(listValue[2]) }, range: at(before.length - listValue[3].length) };
  const k8sName = /^(\s*)(?:-\s+)?name:\s+(\w*)$/.exec(before);
  if (k8sName) return { place: { what: 'env-key', style: 'k8s-name' }, range: at(before.length - k8sName[2].length) };
  const keyMatch = /^(\s*)(-\s+)?([\w.]*)$/.exec(before);
  if (!keyMatch) return undefined;
  const parent = parentKey(text, position.line, keyMatch[1].length);
  const range = at(before.length - keyMatch[3].length);
  if (parent === 'MicroflowConstants' || parent === 'microflowConstants') return { place: { what: 'constant-key', style: 'yaml-key' }, range };
  if (parent === 'environment' || parent === 'env') {
    return { place: { what: 'env-key', style: keyMatch[2] ? 'yaml-list' : 'yaml-key' }, range };
  }
  return undefined;
}

function constantNames(declarations: readonly ConstantDeclaration[]): { name: string; detail: string; about?: string }[] {
  const seen = new Set<string>();
  const out: { name: string; detail: string; about?: string }[] = [];
  for (const d of declarations) {
    const key = constantKey(d.name);
    if (seen.has(key)) continue;
    seen.add(key);
    const file = d.file.split(/[\\/]/).pop();
    out.push({ name: d.name, detail: `${d.type ?? 'constant'} · declared in ${file}`, about: d.defaultValue ? `default: ${d.defaultValue}` : undefined });
  }
  for (const k of KNOWN_CONSTANTS) {
    if (seen.has(constantKey(k.name))) continue;
    seen.add(constantKey(k.name));
    out.push({ name: k.name, detail: `${k.type} · module constant`, about: k.about });
  }
  return out;
}

function valueEntries(role: Role | undefined, range: Range): CompletionEntry[] {
  if (role === 'port') return PORTS.map((p, i) => ({ label: p.port, kind: 'value', detail: p.about, insertText: p.port, range, sortText: String(i) }));
  if (role === 'ssl' || role === 'tls' || role === 'sending-enabled') {
    return ['true', 'false'].map((v, i) => ({ label: v, kind: 'value', detail: 'Boolean', insertText: v, range, sortText: String(i) }));
  }
  if (role === 'host') {
    return PROVIDERS.flatMap((p, i) =>
      p.hosts.map((h, j) => ({ label: h, kind: 'value' as const, detail: p.name, documentation: `${p.credentials}. Ports: ${[...p.starttlsPorts, ...p.implicitTlsPorts].join(', ')}.`, insertText: h, range, sortText: `${String(i).padStart(2, '0')}${j}` })),
    );
  }
  return [];
}

export function completionsAt(text: string, position: Position, kind: FileKind, declarations: readonly ConstantDeclaration[] = []): CompletionEntry[] {
  const found = placeAt(text, position, kind);
  if (!found) return [];
  const { place, range } = found;
  if (place.what === 'value') return valueEntries(place.role, range);
  const names = constantNames(declarations);
  if (place.what === 'json-key') {
    return names.map((n) => ({ label: n.name, kind: 'constant', detail: n.detail, documentation: n.about, insertText: n.name, range }));
  }
  if (place.what === 'constant-key') {
    return names.map((n) => ({ label: n.name, kind: 'constant', detail: n.detail, documentation: n.about, insertText: `${n.name}: `, range }));
  }
  return names.map((n) => {
    const variable = `MX_${constantKey(n.name)}`;
    const suffix = place.style === 'dotenv' || place.style === 'yaml-list' ? '=' : place.style === 'yaml-key' ? ': ' : '';
    return { label: variable, kind: 'variable', detail: `${n.name} · ${n.detail}`, documentation: n.about, insertText: `${variable}${suffix}`, range };
  });
}
