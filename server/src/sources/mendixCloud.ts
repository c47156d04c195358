// A Mendix Cloud environment's rendered document (cloud/render.ts): a flat YAML map of
// `Module.Constant: value`, a header that names the app, the environment and whether it is
// production, and a trailing `# deployed: X` on each constant the running app does not use
// yet. Masked secrets ("********") are values held elsewhere (`secret-ref`): present, never
// judged as text.
import { parseDocument, type Document } from 'yaml';
import type { Assignment, Scope } from '../core/types';
import type { ReadContext } from './context';
import { newScope } from './scopes';
import { readConstantKeyMap } from './yamlConstants';
import { describeYamlError } from './yamlFile';
import { YAML_PARSE_OPTIONS } from './yamlReparse';

const HEADER = /^# mendix-cloud:[ \t]*(.*)$/m;
const MASK = '********';

/** true when the text is a rendered environment (its header comes before any constant). */
export function looksLikeCloudDocument(text: string): boolean {
  const header = HEADER.exec(text.slice(0, 4096));
  if (!header || header.index === undefined) return false;
  return text.slice(0, header.index).split('\n').every((line) => line.trim() === '' || line.trimStart().startsWith('#'));
}

export function readMendixCloudDocument(ctx: ReadContext): Scope[] {
  const header = HEADER.exec(ctx.text);
  const fields = new Map<string, string>();
  for (const m of (header?.[1] ?? '').matchAll(/([a-z]+)=(\S*)/g)) fields.set(m[1], safeDecode(m[2]));
  const app = fields.get('app') ?? '?';
  const environment = fields.get('environment') ?? '?';
  const headerStart = header?.index ?? 0;
  const headerSpan: [number, number] = [headerStart, headerStart + (header?.[0].length ?? 0)];
  const scope = newScope(ctx, `${app}/${environment}`, 'mendix-cloud', [0, ctx.text.length], headerSpan);
  scope.range = ctx.range(ctx.trimEnd([0, ctx.text.length]));
  const production = fields.get('production');
  // Mendix Cloud runs a production environment in DTAP mode P; the others are not production
  if (production === 'true' || production === 'false') {
    scope.dtapMode = { value: production === 'true' ? 'P' : environment.toLowerCase().startsWith('acc') ? 'A' : 'T', range: ctx.range(headerSpan) };
  }

  const doc: Document = parseDocument(ctx.text, YAML_PARSE_OPTIONS);
  const first = doc.errors[0];
  if (first) ctx.syntaxError([first.pos[0], Math.max(first.pos[0], first.pos[1])], `YAML syntax error: ${describeYamlError(first.message)}.`);
  readConstantKeyMap(ctx, doc.contents, doc, scope);
  scope.assignments = scope.assignments.map((a) => withCloudFacts(ctx, a));
  return [scope];
}

/** The masked marker and the `# deployed:` comment, as fields of a new assignment (assignments are never changed once made). */
function withCloudFacts(ctx: ReadContext, a: Assignment): Assignment {
  const out: Assignment = a.quoted && a.value === MASK ? { ...a, valueKind: 'secret-ref' } : { ...a };
  const end = ctx.lines.offsetAt(a.valueRange.end);
  const lineEnd = ctx.text.indexOf('\n', end);
  const rest = ctx.text.slice(end, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, '');
  const deployed = /[ \t]#[ \t]*deployed:[ \t]*(.*?)[ \t]*$/.exec(rest);
  if (deployed) out.deployedValue = deployedText(deployed[1]);
  return out;
}

function deployedText(written: string): string | null {
  if (written === '(none)') return null;
  if (written.startsWith('"')) {
    try {
      return String(JSON.parse(written));
    } catch {
      return written;
    }
  }
  return written;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
