// Deployment package files: `model/metadata.json` declares every constant with its type
// and default (`Constants: [{Name, Type, DefaultValue}]`: declarations plus a scope of
// model defaults); `model/config.json` sets constants (`{"Configuration": {…}, "Constants": {…}}`).
import { withoutTooDeep, parseTree, tooDeepWords, type Node as JsonNode, type ParseError } from './jsonc';
import type { ConstantDeclaration, Scope } from '../core/types';
import { makeAssignment, type ValueInfo } from './assignments';
import type { ReadContext, Span } from './context';
import { describeJsonError, readConstantsObject } from './jsonText';
import { newScope } from './scopes';
import { valueKindOf } from './values';

export interface JsonFileResult {
  scopes: Scope[];
  declarations: ConstantDeclaration[];
}

function property(node: JsonNode | undefined, name: string): JsonNode | undefined {
  if (node?.type !== 'object') return undefined;
  const found = node.children?.find((p) => p.children?.[0]?.value === name);
  return found?.children?.[1];
}

function propertyKey(node: JsonNode | undefined, name: string): JsonNode | undefined {
  if (node?.type !== 'object') return undefined;
  return node.children?.find((p) => p.children?.[0]?.value === name)?.children?.[0];
}

function span(node: JsonNode): Span {
  return [node.offset, node.offset + node.length];
}

/** Inside a string's quotes (an unterminated string: up to its end). */
function stringSpan(ctx: ReadContext, node: JsonNode): Span {
  if (node.type !== 'string') return span(node);
  const end = node.offset + node.length;
  const closed = node.length >= 2 && ctx.text[end - 1] === '"';
  return [node.offset + 1, closed ? end - 1 : end];
}

/** Parse a JSON file (comments tolerated, as editors do); the first error is a syntax-error. */
function parseJsonFile(ctx: ReadContext, label: string): JsonNode | undefined {
  const errors: ParseError[] = [];
  // a byte order mark becomes a blank, so offsets stay those of the file
  const text = ctx.text.charCodeAt(0) === 0xfeff ? ' ' + ctx.text.slice(1) : ctx.text;
  // a value nested too deep for the parser is reported on its own; the rest is read
  const shallow = withoutTooDeep(text);
  for (const [start, end] of shallow.tooDeep) ctx.syntaxError([start, end], `${label} holds ${tooDeepWords()} here; that value is not read.`);
  const root = parseTree(shallow.text, errors, { allowTrailingComma: true });
  if (errors.length) {
    const e = errors[0];
    ctx.syntaxError([e.offset, e.offset + e.length], `${label} is not valid JSON: ${describeJsonError(e)}.`);
  }
  return root;
}

export function isMetadataJson(root: JsonNode | undefined): boolean {
  return property(root, 'Constants')?.type === 'array' || property(root, 'RuntimeVersion') !== undefined;
}

export function isConfigJson(root: JsonNode | undefined): boolean {
  return property(root, 'Constants')?.type === 'object' || property(root, 'Configuration')?.type === 'object';
}

function jsonScalar(ctx: ReadContext, node: JsonNode | undefined): ValueInfo {
  if (!node || node.type === 'null') {
    return { value: '', valueKind: 'empty', quoted: false, scalarType: 'null', span: node && span(node) };
  }
  if (node.type === 'string') {
    const value = String(node.value);
    return { value, valueKind: valueKindOf(value), quoted: true, scalarType: 'string', span: stringSpan(ctx, node) };
  }
  // a number where the text holds `[` / `{`: a value too deep to read, already reported
  if (node.type === 'number' && /[[{]/.test(ctx.text[node.offset])) return { value: '', valueKind: 'literal', quoted: false, span: span(node) };
  const written = ctx.text.slice(node.offset, node.offset + node.length);
  const scalarType = node.type === 'number' ? 'number' : node.type === 'boolean' ? 'boolean' : undefined;
  return { value: scalarType ? written : '', valueKind: 'literal', quoted: false, scalarType, span: span(node) };
}

export function readMetadataJson(ctx: ReadContext, mustLookRight: boolean): JsonFileResult | undefined {
  const root = parseJsonFile(ctx, 'metadata.json');
  if (mustLookRight && !isMetadataJson(root)) return undefined;
  const constants = property(root, 'Constants');
  const anchorNode = propertyKey(root, 'Constants') ?? root;
  const whole: Span = root ? span(root) : [0, ctx.text.length];
  const scope = newScope(ctx, 'model defaults (metadata.json)', 'metadata-json', whole, anchorNode ? span(anchorNode) : [0, 0]);
  const declarations: ConstantDeclaration[] = [];
  for (const item of constants?.type === 'array' ? constants.children ?? [] : []) {
    const nameNode = property(item, 'Name');
    if (nameNode?.type !== 'string') continue;
    const name = String(nameNode.value);
    const typeNode = property(item, 'Type');
    const defaultNode = property(item, 'DefaultValue');
    const declaration: ConstantDeclaration = { name, file: ctx.path, range: ctx.range(stringSpan(ctx, nameNode)) };
    if (typeNode?.type === 'string') declaration.type = String(typeNode.value);
    if (defaultNode && defaultNode.type !== 'object' && defaultNode.type !== 'array') {
      declaration.defaultValue = defaultNode.type === 'null' ? '' : String(defaultNode.value);
    }
    declarations.push(declaration);
    scope.assignments.push(
      makeAssignment(ctx, {
        name,
        key: name,
        keySpan: stringSpan(ctx, nameNode),
        channel: 'model-default',
        value: jsonScalar(ctx, defaultNode),
        entrySpan: span(item),
      }),
    );
  }
  return { scopes: [scope], declarations };
}

export function readConfigJson(ctx: ReadContext, mustLookRight: boolean): JsonFileResult | undefined {
  const root = parseJsonFile(ctx, 'config.json');
  if (mustLookRight && !isConfigJson(root)) return undefined;
  const constants = property(root, 'Constants');
  const anchorNode = propertyKey(root, 'Constants') ?? root;
  const whole: Span = root ? span(root) : [0, ctx.text.length];
  const scope = newScope(ctx, 'config.json', 'config-json', whole, anchorNode ? span(anchorNode) : [0, 0]);
  const dtap = property(property(root, 'Configuration'), 'DTAPMode');
  if (dtap?.type === 'string') scope.dtapMode = { value: String(dtap.value), range: ctx.range(stringSpan(ctx, dtap)) };
  if (constants) readConstantsObject(ctx, scope, ctx.file, constants, 'constant-key', 'Constants');
  return { scopes: [scope], declarations: [] };
}
