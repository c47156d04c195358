// Completion where a constant name or a value is expected, in the form the file needs:
// `Module.Constant: ` keys under MicroflowConstants / microflowConstants, `MX_Module_Constant`
// variables in .env files and compose / Cloud Foundry env, `name: MX_…` items in Kubernetes
// env lists, names and values inside constants JSON (CONSTANTS, customConfiguration,
// config.json); values for ports, booleans and provider hosts by the role of their setting.
import type { ConstantDeclaration, FileKind, Position, Range } from '../core/types';
import type { Role } from '../core/settings';
import { FILE_KINDS } from '../core/fileKinds';
import { constantKey, roleByEnvKey, roleByName } from '../settings/roles';
import { offsetAt } from '../sources/text';
import { constantNames } from './constantNames';
import type { CompletionEntry, PlaceAt, ValueStyle } from './completionTypes';
import { jsonInDotenvAt } from './jsonInDotenv';
import { jsonInYamlAt } from './jsonInYaml';
import { placeInJson, type JsonAtCursor } from './jsonPlace';
import { envVarNameOfItem } from './kubernetesEnvItem';
import { indentOf, lineAt } from './text';
import { valueChoices } from './valueChoices';

export { KNOWN_CONSTANTS } from './constantNames';
export type { CompletionEntry, CompletionKind } from './completionTypes';

const PLAIN: ValueStyle = { form: 'plain' };

/** Kinds whose YAML is Kubernetes: env lists of EnvVar maps, values that must be strings. */
function isKubernetes(kind: FileKind): boolean {
  return FILE_KINDS[kind].kubernetesEnv;
}

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

/** JSON held in a value of the file (CONSTANTS, customConfiguration) around the cursor. */
function heldJsonAt(text: string, offset: number, kind: FileKind): JsonAtCursor | undefined {
  const facts = FILE_KINDS[kind];
  if (!facts.constantsJsonInValues) return undefined;
  return facts.reader === 'dotenv' ? jsonInDotenvAt(text, offset) : jsonInYamlAt(text, offset);
}

/** A `key: value` line of YAML with the cursor in the value. */
function yamlValuePlace(text: string, position: Position, kind: FileKind, key: string, typedQuote: string): { role: Role | undefined; style: ValueStyle } {
  if (!isKubernetes(kind)) return { role: roleOfKey(key), style: PLAIN };
  // Kubernetes values are strings: quote what YAML would read as a number or boolean
  const style: ValueStyle = typedQuote || !(key === 'value' || key.startsWith('MX_')) ? PLAIN : { form: 'yaml-string' };
  if (key !== 'value') return { role: roleOfKey(key), style };
  // an EnvVar's `value:` sets the variable its sibling `name:` names
  const line = lineAt(text, position.line);
  const column = /^[ \t]*(?:-[ \t]+)?/.exec(line)![0].length;
  const name = envVarNameOfItem(text, position.line, column);
  return { role: name?.startsWith('MX_') ? roleByEnvKey(name) : undefined, style };
}

/** What belongs at the cursor, and the range the completion replaces. */
function placeAt(text: string, position: Position, kind: FileKind): PlaceAt | undefined {
  const line = lineAt(text, position.line);
  const before = line.slice(0, position.character);
  const at = (start: number): Range => ({ start: { line: position.line, character: start }, end: position });

  if (kind === 'config-json') {
    return placeInJson({ json: text, at: offsetAt(text, position), constantsPath: ['Constants'], quote: '"' }, before, at);
  }
  // inside CONSTANTS / customConfiguration JSON, on whichever line of the value
  const held = heldJsonAt(text, offsetAt(text, position), kind);
  if (held) return placeInJson(held, before, at);

  if (before.trimStart().startsWith('#')) return undefined;
  // JSON the YAML parser cannot place yet (a quote still open): `CONSTANTS: '{"Mail.|`
  if (/\bCONSTANTS\b/.test(before)) {
    const jsonKey = /[{,]\s*\\?"([\w.]*)$/.exec(before);
    if (jsonKey) return { place: { what: 'json-key' }, range: at(before.length - jsonKey[1].length) };
  }

  if (kind === 'dotenv') {
    const eq = before.indexOf('=');
    if (eq < 0) {
      const start = before.length - /[\w.]*$/.exec(before)![0].length;
      return { place: { what: 'env-key', style: 'dotenv' }, range: at(start) };
    }
    const key = before.slice(0, eq).replace(/^\s*export\s+/, '').trim();
    return { place: { what: 'value', role: roleOfKey(key), style: PLAIN }, range: at(eq + 1 + /^\s*/.exec(before.slice(eq + 1))![0].length) };
  }

  // YAML: `key: value` (map), `- KEY=value` (compose list), `- name: MX_…` (Kubernetes)
  const valueMatch = /^(\s*)(?:-\s+)?(["']?)([\w.-]+)\2\s*:\s+(["']?)([^"']*)$/.exec(before);
  if (valueMatch && valueMatch[3] !== 'name') {
    const start = before.length - valueMatch[5].length;
    const { role, style } = yamlValuePlace(text, position, kind, valueMatch[3], valueMatch[4]);
    return { place: { what: 'value', role, style }, range: at(start) };
  }
  const listValue = /^(\s*)-\s+([\w.]+)=([^=]*)$/.exec(before);
  if (listValue) return { place: { what: 'value', role: roleOfKey(listValue[2]), style: PLAIN }, range: at(before.length - listValue[3].length) };
  const k8sName = /^(\s*)(?:-\s+)?name:\s+(\w*)$/.exec(before);
  if (k8sName) return { place: { what: 'env-key', style: 'k8s-name' }, range: at(before.length - k8sName[2].length) };
  const keyMatch = /^(\s*)(-\s+)?([\w.]*)$/.exec(before);
  if (!keyMatch) return undefined;
  const parent = parentKey(text, position.line, keyMatch[1].length);
  const range = at(before.length - keyMatch[3].length);
  if (parent === 'MicroflowConstants' || parent === 'microflowConstants') return { place: { what: 'constant-key', style: 'yaml-key' }, range };
  if (parent === 'environment' || parent === 'env') {
    // a Kubernetes env list holds EnvVar maps (`- name: MX_…`), a compose one `- MX_…=` strings
    const listStyle = isKubernetes(kind) ? 'k8s-list' : 'yaml-list';
    return { place: { what: 'env-key', style: keyMatch[2] ? listStyle : 'yaml-key' }, range };
  }
  return undefined;
}

const ENV_KEY_FORM: Record<'dotenv' | 'yaml-key' | 'yaml-list' | 'k8s-name' | 'k8s-list', (variable: string) => string> = {
  dotenv: (v) => `${v}=`,
  'yaml-list': (v) => `${v}=`,
  'yaml-key': (v) => `${v}: `,
  'k8s-name': (v) => v,
  'k8s-list': (v) => `name: ${v}`,
};

/** Where the cursor is; undefined too when the YAML nests too deep for the yaml parser (its own stack overflow, found by the fuzz suite). */
function safePlaceAt(text: string, position: Position, kind: FileKind): ReturnType<typeof placeAt> | undefined {
  try {
    return placeAt(text, position, kind);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

export function completionsAt(text: string, position: Position, kind: FileKind, declarations: readonly ConstantDeclaration[] = []): CompletionEntry[] {
  const found = safePlaceAt(text, position, kind);
  if (!found) return [];
  const { place, range } = found;
  if (place.what === 'value') return valueChoices(place.role, range, place.style);
  const names = constantNames(declarations);
  if (place.what === 'json-key') {
    const q = place.quote;
    return names.map((n) => ({ label: n.name, kind: 'constant', detail: n.detail, documentation: n.about, insertText: q === undefined ? n.name : `${q}${n.name}${q}: `, range }));
  }
  if (place.what === 'constant-key') {
    return names.map((n) => ({ label: n.name, kind: 'constant', detail: n.detail, documentation: n.about, insertText: `${n.name}: `, range }));
  }
  const form = ENV_KEY_FORM[place.style];
  return names.map((n) => {
    const variable = `MX_${constantKey(n.name)}`;
    return { label: variable, kind: 'variable', detail: `${n.name} · ${n.detail}`, documentation: n.about, insertText: form(variable), range };
  });
}
