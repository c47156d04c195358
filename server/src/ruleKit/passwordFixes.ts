// The edits of password-in-plain-text: the platform's own secret mechanism, written into the
// file. No title, message or edit ever contains the password itself.
import * as nodePath from 'node:path';
import type { Assignment, FileKind, Fix, OtherFileEdit } from '../core/types';
import type { CheckOptions } from '../core/settings';
import { LineIndex } from '../sources/index';
import { assignmentKey } from './editCheck';
import { entryOffsets, removalSpan } from './entryRemoval';
import type { RuleContext } from './rule';
import { constantKey } from '../settings/roles';
import { FILE_KINDS } from '../core/fileKinds';

export function envName(a: Assignment): string {
  return a.channel === 'mx-env' ? a.key : `MX_${constantKey(a.name)}`;
}

/** How this kind of file refers to the variable that should hold the value (`${MX_…}`, `((mx_…))`): the kind's `secretReference`. */
export function secretReferenceTo(kind: FileKind, a: Assignment): string | undefined {
  const form = FILE_KINDS[kind].secretReference;
  if (!form) return undefined;
  return `${form.open}${form.lowerCase ? envName(a).toLowerCase() : envName(a)}${form.close}`;
}

/** A `${VAR}` (compose) / `((var))` (Cloud Foundry) reference in place of the value. */
export function referenceFix(kind: FileKind, a: Assignment): Fix | undefined {
  if (a.channel === 'constants-json' || a.channel === 'custom-configuration') return undefined;
  const ref = secretReferenceTo(kind, a);
  if (!ref) return undefined;
  return { title: `Replace the password with ${ref}`, edits: [{ range: a.valueRange, newText: ref }], safe: false };
}

// ---- Kubernetes: `value:` → `valueFrom.secretKeyRef` ----

/** The key inside the Secret that holds the password. */
export const SECRET_KEY = 'password';

/** A Secret name from the workload's name (`Deployment shop / container app` → `shop-smtp`), DNS-1123 safe. */
export function secretNameFor(scopeName: string): string {
  const resource = /^\S+ (.+?) \/ container /.exec(scopeName)?.[1] ?? '';
  const base = resource.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 240);
  return `${base || 'mendix'}-smtp`;
}

/** The key inside the Secret for this secret: `password` for the SMTP password, else the secret's word (`encryption-key`). */
export function secretKeyFor(word: string): string {
  return word === 'SMTP password' ? SECRET_KEY : word.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** The command that creates the Secret; `<the password>` stands for the value, never the value itself. */
export function createSecretCommand(secret: string, key = SECRET_KEY): string {
  return `kubectl create secret generic ${secret} --from-literal=${key}=<the ${key === SECRET_KEY ? 'password' : 'value'}>`;
}

/** The file's indentation step: the indentation of its first indented line (2 when none). */
function indentUnit(text: string): number {
  const m = /\n( +)[^ \t\r\n#]/.exec(text);
  const n = m ? m[1].length : 2;
  return n >= 1 && n <= 8 ? n : 2;
}

const VALUE_KEY_BEFORE = /(^|[\s{,])(["']?)value\2[ \t]*:[ \t]*$/;

/**
 * `value: secret` of a container env item → `valueFrom: secretKeyRef: {name, key}`, block
 * style at the key's indentation (flow style inside a flow map). Offered only when the edited
 * file reads back as the same file with this variable now a secret reference.
 */
export function kubernetesSecretFix(ctx: RuleContext, a: Assignment, secret: string, key = SECRET_KEY): Fix | undefined {
  const { text } = ctx;
  if (text === undefined || a.channel !== 'mx-env' || a.valueRange.start.line !== a.valueRange.end.line) return undefined;
  const lines = new LineIndex(text);
  let valueStart = lines.offsetAt(a.valueRange.start);
  let valueEnd = lines.offsetAt(a.valueRange.end);
  if (a.quoted) {
    if (!/["']/.test(text[valueStart - 1] ?? '') || text[valueEnd] !== text[valueStart - 1]) return undefined;
    valueStart--;
    valueEnd++;
  }
  const lineStart = lines.lineStart(a.valueRange.start.line);
  const before = text.slice(lineStart, valueStart);
  const m = VALUE_KEY_BEFORE.exec(before);
  if (!m) return undefined;
  const keyStart = lineStart + m.index + m[1].length;
  const lead = text.slice(lineStart, keyStart);
  let newText: string;
  if (/^ *(?:- +)?$/.test(lead)) {
    const rest = text.slice(valueEnd, lines.lineEnd(a.valueRange.start.line));
    if (!/^[ \t]*(?:#.*)?$/.test(rest)) return undefined;
    const indent = ' '.repeat(keyStart - lineStart);
    const unit = ' '.repeat(indentUnit(text));
    newText = `valueFrom:\n${indent}${unit}secretKeyRef:\n${indent}${unit}${unit}name: ${secret}\n${indent}${unit}${unit}key: ${key}`;
  } else if (/[{,][ \t]*$/.test(lead)) {
    newText = `valueFrom: {secretKeyRef: {name: ${secret}, key: ${key}}}`;
  } else {
    return undefined;
  }
  const edit = { range: lines.range(keyStart, valueEnd), newText };
  const scopeIndex = ctx.read.scopes.indexOf(ctx.settings.scope);
  if (scopeIndex < 0) return undefined;
  const change = {
    removed: [assignmentKey(scopeIndex, a)],
    added: [assignmentKey(scopeIndex, { ...a, value: '', valueKind: 'secret-ref', quoted: false })],
  };
  return {
    title: `Read ${a.key} from the Secret ${secret} (it must exist: ${createSecretCommand(secret, key)})`,
    edits: [edit],
    safe: false,
    // read back before it is offered (engine/offeredFixes.ts)
    verify: change,
  };
}

// ---- Mendix for Private Cloud: the secret store ----

/** The key the Mendix Operator (2.10+) reads a constant from in the environment's secret store. */
export function secretStoreKey(constant: string): string {
  return `mx-const-${constant}`;
}

/** The same key in Azure Key Vault, whose secret names cannot hold dots. */
export function azureKeyVaultName(constant: string): string {
  return secretStoreKey(constant).replace(/\./g, '-');
}

/**
 * The entry leaves `microflowConstants`: with a secret store set up (a SecretProviderClass named
 * like the MendixApp), the Operator reads the constant from `mx-const-<Module.Constant>`, and
 * nothing in the MendixApp points at it. Where the entry filled its line, a comment takes its
 * place saying where the value now comes from; in a flow map it is only removed. Never in "fix
 * all": the password must be in the store first, or the app starts without one.
 */
export function secretStoreFix(ctx: RuleContext, a: Assignment): Fix | undefined {
  const { text, read, settings } = ctx;
  if (text === undefined || a.channel !== 'constant-key' || a.fromFile !== undefined) return undefined;
  const scopeIndex = read.scopes.indexOf(settings.scope);
  if (scopeIndex < 0) return undefined;
  const lines = new LineIndex(text);
  const [start, end] = entryOffsets(a, lines);
  const span = removalSpan(text, start, end, a.quoted);
  if (!span) return undefined;
  const key = secretStoreKey(a.name);
  let newText = '';
  const lineStart = lines.lineStart(a.entryRange.start.line);
  if (span[0] === lineStart) {
    // the entry's lines go: the comment keeps their indentation and line break
    const indent = /^[ \t]*/.exec(text.slice(lineStart, start))![0];
    const lineBreak = /\r?\n|\r$/.exec(text.slice(lineStart, span[1]))?.[0] ?? '';
    const store = /^MendixApp (.+)$/.exec(settings.scope.name)?.[1];
    newText = `${indent}# ${a.name} comes from the secret store: key ${key}${store ? ` of the SecretProviderClass ${store}` : ''}${lineBreak}`;
  }
  return {
    title: `Move ${a.name} to the secret store (key ${key}; store the password there first)`,
    edits: [{ range: lines.range(span[0], span[1]), newText }],
    safe: false,
    // read back before it is offered (engine/offeredFixes.ts): only this assignment gone
    verify: { removed: [assignmentKey(scopeIndex, a)], added: [] },
  };
}

// ---- .env: keep the file out of git ----

/** `.gitignore` pattern that matches exactly this name (glob characters and leading `#`/`!` escaped). */
export function gitignorePattern(name: string): string {
  return name.replace(/[\\*?[\]]/g, '\\$&').replace(/^([#!])/, '\\$1').replace(/ $/, '\\ ');
}

function listsName(gitignore: string, name: string): boolean {
  const pattern = gitignorePattern(name);
  return gitignore.split(/\r\n|\r|\n/).some((line) => {
    const l = line.trim();
    return l === pattern || l === `/${pattern}` || l === `**/${pattern}`;
  });
}

export interface GitignoreAdvice {
  fix?: Fix;
  /** set when .gitignore already lists the file and git still tracks it */
  alreadyListed?: boolean;
}

/**
 * Adds the file's name to the `.gitignore` of its folder: appended when that file can be read,
 * else inserted at its start with "create if missing" (right whether or not it exists).
 */
export function gitignoreFix(path: string, options: CheckOptions): GitignoreAdvice {
  const name = nodePath.basename(path);
  const gitignore = nodePath.join(nodePath.dirname(path), '.gitignore');
  let read: ReturnType<NonNullable<CheckOptions['readReferencedFile']>>;
  try {
    read = options.readReferencedFile?.(gitignore);
  } catch {
    read = undefined;
  }
  // a .gitignore that exists but was not read (not a regular file, too large, outside the workspace): no edit of it
  if (read !== undefined && typeof read !== 'string') return {};
  const current = read;
  if (current !== undefined && listsName(current, name)) return { alreadyListed: true };
  const line = `${gitignorePattern(name)}\n`;
  let other: OtherFileEdit;
  if (current === undefined) {
    const start = { line: 0, character: 0 };
    other = { path: gitignore, createIfMissing: true, edits: [{ range: { start, end: start }, newText: line }] };
  } else {
    const end = new LineIndex(current).positionAt(current.length);
    const newText = current === '' || /[\r\n]$/.test(current) ? line : `\n${line}`;
    other = { path: gitignore, edits: [{ range: { start: end, end }, newText }] };
  }
  return {
    fix: { title: `Add ${name} to .gitignore (if it is already committed, also run git rm --cached ${name})`, edits: [], safe: false, otherFiles: [other] },
  };
}
