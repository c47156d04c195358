// Environment variables as the Mendix buildpacks read them (Cloud Foundry, Docker,
// Kubernetes, .env): `MX_<Module>_<Constant>` sets one constant, `CONSTANTS` holds a JSON
// object of them, `DTAP_MODE` (or `DEVELOPMENT_MODE=true` → D) says the app's mode.
// Everything else is not ours.
import type { Scope } from '../core/types';
import { makeAssignment, type ValueInfo } from './assignments';
import type { ReadContext, Span } from './context';
import { readConstantsJson } from './jsonText';
import type { MappedText } from './mappedText';

export interface EnvEntry {
  key: string;
  keySpan: Span;
  value: ValueInfo;
  /** the decoded value with its mapping to the file, for CONSTANTS */
  mappedValue?: () => MappedText;
  entrySpan?: Span;
  fromFile?: string;
}

/**
 * Modules whose names contain `_`. The buildpack builds `MX_` + name with every `.` turned
 * into `_` (cf-mendix-buildpack runtime.py `_get_constants`), so the way back is ambiguous;
 * for these well-known modules the module part is taken whole.
 */
const MODULES_WITH_UNDERSCORE = ['Email_Connector', 'Atlas_Core', 'Atlas_Web_Content'];

export type EnvNameResult = { name: string } | { problem: string };

/** `MX_Mail_SMTPHost` → `Mail.SMTPHost` (first `_` after `MX_` separates the module). */
export function constantNameForEnvVar(key: string): EnvNameResult {
  const rest = key.slice(3);
  if (rest === '') return { problem: `${key} names no constant: write MX_<Module>_<Constant>.` };
  if (rest.includes('.')) {
    return {
      problem: `${key} contains a dot, which the Mendix buildpack never looks up: write MX_${rest.replace(/\./g, '_')}.`,
    };
  }
  for (const module of MODULES_WITH_UNDERSCORE) {
    if (!rest.startsWith(module + '_')) continue;
    // `MX_Email_Connector_` is the module with nothing after it, not `Email.Connector_`
    if (rest.length === module.length + 1) return { problem: `${key} has an empty constant name: write MX_${module}_<Constant>.` };
    return { name: `${module}.${rest.slice(module.length + 1)}` };
  }
  const cut = rest.indexOf('_');
  if (cut < 0) return { problem: `${key} has no module part: write MX_<Module>_${rest}.` };
  if (cut === 0) return { problem: `${key} has an empty module name: write MX_<Module>_<Constant>.` };
  if (cut === rest.length - 1) return { problem: `${key} has an empty constant name: write MX_<Module>_<Constant>.` };
  return { name: `${rest.slice(0, cut)}.${rest.slice(cut + 1)}` };
}

/**
 * Every constant name an `MX_` variable could stand for (one per `_` in it), first the one
 * `constantNameForEnvVar` picks; useful to match against declarations.
 */
export function constantNameCandidates(key: string): string[] {
  const rest = key.slice(3);
  const first = constantNameForEnvVar(key);
  const names: string[] = 'name' in first ? [first.name] : [];
  for (let i = rest.indexOf('_'); i > 0 && i < rest.length - 1; i = rest.indexOf('_', i + 1)) {
    const name = `${rest.slice(0, i)}.${rest.slice(i + 1)}`;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** true for the variables that set constants: what makes a Kubernetes resource ours. */
export function isConstantEnvName(key: string): boolean {
  return key.startsWith('MX_') || key === 'CONSTANTS';
}

/** true for the variables this reader turns into something. */
export function isMendixEnvName(key: string): boolean {
  return key.startsWith('MX_') || key === 'CONSTANTS' || key === 'DTAP_MODE' || key === 'DEVELOPMENT_MODE';
}

/** Add what one environment variable means for the scope. */
export function readEnvEntry(ctx: ReadContext, scope: Scope, entry: EnvEntry): void {
  const { key, value } = entry;
  if (key === 'CONSTANTS') {
    // CONSTANTS is one variable: a later one replaces this one whole (settings/precedence.ts),
    // whatever it holds, so the keys say which CONSTANTS they belong to
    const constantsLine = ctx.range(entry.keySpan).start.line;
    scope.constantsVariable = { line: constantsLine };
    if (value.valueKind === 'reference' || value.valueKind === 'secret-ref') return;
    const span = value.span ?? [entry.keySpan[1], entry.keySpan[1]];
    if (value.nonScalar) {
      ctx.problem('invalid-constants-json', span, 'CONSTANTS is written as a YAML map or list, but it must be a string: quote the JSON.');
      return;
    }
    if (value.scalarType !== undefined && value.scalarType !== 'string' && value.scalarType !== 'null') {
      ctx.problem('invalid-constants-json', span, `CONSTANTS must be a JSON object string, but it is a ${value.scalarType}.`);
      return;
    }
    if (value.valueKind === 'empty') {
      ctx.problem('invalid-constants-json', span, 'CONSTANTS is empty, which is not valid JSON; the app will not start. Write {} or remove it.');
      return;
    }
    if (!entry.mappedValue) return;
    const before = scope.assignments.length;
    readConstantsJson(ctx, scope, entry.mappedValue(), 'CONSTANTS');
    for (let i = before; i < scope.assignments.length; i++) scope.assignments[i].constantsLine = constantsLine;
    return;
  }
  if (key === 'DTAP_MODE') {
    if (value.valueKind === 'literal' && value.span) scope.dtapMode = { value: value.value, range: ctx.range(value.span) };
    return;
  }
  if (key === 'DEVELOPMENT_MODE') {
    // the buildpacks run the app in DTAP mode D when DEVELOPMENT_MODE is true
    if (value.valueKind === 'literal' && value.span && value.value.toLowerCase() === 'true' && !scope.dtapMode) {
      scope.dtapMode = { value: 'D', range: ctx.range(value.span) };
    }
    return;
  }
  if (!key.startsWith('MX_')) return;
  const mapped = constantNameForEnvVar(key);
  if ('problem' in mapped) {
    ctx.problem('invalid-env-name', entry.keySpan, mapped.problem);
    return;
  }
  scope.assignments.push(
    makeAssignment(ctx, {
      name: mapped.name,
      key,
      keySpan: entry.keySpan,
      channel: 'mx-env',
      value,
      entrySpan: entry.entrySpan,
      fromFile: entry.fromFile,
    }),
  );
}
