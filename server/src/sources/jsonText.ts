// JSON held in strings: `CONSTANTS` (Cloud Foundry / Docker), MendixApp `customConfiguration`
// and the `MicroflowConstants` JSON string inside it. Parsed with jsonc-parser over a
// MappedText, so every key and value range points into the file however deep it sits.
import { withoutTooDeep, parseTree, printParseErrorCode, tooDeepWords, type Node as JsonNode, type ParseError } from './jsonc';
import type { AssignmentChannel, Scope } from '../core/types';
import { makeAssignment, type ValueInfo } from './assignments';
import type { ReadContext, Span } from './context';
import { MappedBuilder, type MappedText } from './mappedText';
import { valueKindOf } from './values';

const JSON_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Decode the JSON string literal whose content (inside the quotes) is input[from, to). */
export function decodeJsonString(input: MappedText, from: number, to: number): MappedText {
  const s = input.text;
  const out = new MappedBuilder(input);
  let i = from;
  while (i < to) {
    if (s[i] === '\\') {
      if (s[i + 1] === 'u') {
        const code = parseInt(s.slice(i + 2, i + 6), 16);
        out.push(Number.isNaN(code) ? '' : String.fromCharCode(code), i, Math.min(i + 6, to));
        i += 6;
      } else {
        out.push(JSON_ESCAPES[s[i + 1]] ?? s[i + 1] ?? '', i, Math.min(i + 2, to));
        i += 2;
      }
    } else {
      out.push(s[i], i, i + 1);
      i++;
    }
  }
  return out.build(from, Math.min(i, to));
}

/** "CommaExpected" → "a comma was expected". */
export function describeJsonError(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  const words: Record<string, string> = {
    InvalidSymbol: 'an unexpected character',
    InvalidNumberFormat: 'a malformed number',
    PropertyNameExpected: 'a property name in double quotes was expected',
    ValueExpected: 'a value was expected',
    ColonExpected: 'a colon was expected',
    CommaExpected: 'a comma was expected',
    CloseBraceExpected: 'a closing brace } was expected',
    CloseBracketExpected: 'a closing bracket ] was expected',
    EndOfFileExpected: 'text continues after the end of the JSON value',
    InvalidCommentToken: 'a comment (JSON has none)',
    UnexpectedEndOfComment: 'an unterminated comment',
    UnexpectedEndOfString: 'an unterminated string',
    UnexpectedEndOfNumber: 'an unterminated number',
    InvalidUnicode: 'an invalid \\u escape',
    InvalidEscapeCharacter: 'an invalid escape sequence',
    InvalidCharacter: 'a control character inside a string',
  };
  return words[code] ?? code;
}

const TYPE_WORDS: Record<string, string> = {
  object: 'an object',
  array: 'an array',
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  null: 'null',
};

export function describeJsonType(node: JsonNode | undefined): string {
  return node ? TYPE_WORDS[node.type] ?? node.type : 'nothing';
}

/** Parse strict JSON (what Python's json.loads accepts); report the first error. */
export function parseStrictJson(
  ctx: ReadContext,
  json: MappedText,
  label: string,
): { root: JsonNode | undefined; valid: boolean } {
  // a value nested too deep for the parser is reported on its own; the rest is read
  const shallow = withoutTooDeep(json.text);
  for (const [start, end] of shallow.tooDeep) {
    ctx.problem('invalid-constants-json', json.range(start, end), `${label} holds ${tooDeepWords()} here (from character ${start + 1}); that value is not read.`);
  }
  const errors: ParseError[] = [];
  const root = parseTree(shallow.text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length) {
    const e = errors[0];
    // an error at the very end (missing `}`) is shown on the last character
    const at = Math.max(0, Math.min(e.offset, json.text.length - 1));
    const span = json.range(at, Math.min(at + Math.max(e.length, 1), json.text.length));
    const where = json.text.trim() === '' ? 'it is empty' : `${describeJsonError(e)} at character ${e.offset + 1}`;
    ctx.problem('invalid-constants-json', span, `${label} is not valid JSON (${where}); the app will not start.`);
  }
  return { root, valid: errors.length === 0 };
}

/** Inside a string's quotes (an unterminated string: up to its end). */
function stringSpan(json: MappedText, node: JsonNode): Span {
  const end = node.offset + node.length;
  const closed = node.length >= 2 && json.text[end - 1] === '"';
  return json.range(node.offset + 1, closed ? end - 1 : end);
}

function jsonValue(json: MappedText, node: JsonNode): ValueInfo {
  if (node.type === 'string') {
    const value = String(node.value ?? '');
    return { value, valueKind: valueKindOf(value), quoted: true, scalarType: 'string', span: stringSpan(json, node) };
  }
  const span = json.range(node.offset, node.offset + node.length);
  const written = json.text.slice(node.offset, node.offset + node.length);
  if (node.type === 'null') return { value: '', valueKind: 'empty', quoted: false, scalarType: 'null', span };
  return {
    value: written,
    valueKind: 'literal',
    quoted: false,
    scalarType: node.type === 'boolean' ? 'boolean' : node.type === 'number' ? 'number' : undefined,
    span,
  };
}

/** Each `"Module.Constant": scalar` property of an object node becomes an assignment. */
export function readConstantsObject(
  ctx: ReadContext,
  scope: Scope,
  json: MappedText,
  node: JsonNode | undefined,
  channel: AssignmentChannel,
  label: string,
  /** false when the JSON already has a syntax problem: then shape problems are not added */
  reportShape = true,
): void {
  if (!node) return;
  if (node.type !== 'object') {
    if (!reportShape) return;
    const span = json.range(node.offset, node.offset + node.length);
    ctx.problem(
      'invalid-constants-json',
      span,
      `${label} must be a JSON object like {"Module.Constant": "value"}, but it is ${describeJsonType(node)}.`,
    );
    return;
  }
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || keyNode.type !== 'string') continue;
    const key = String(keyNode.value);
    const entrySpan = json.range(property.offset, property.offset + property.length);
    // a number where the text holds `[` / `{`: a value too deep to read, already reported
    if (valueNode?.type === 'number' && /[[{]/.test(json.text[valueNode.offset])) continue;
    if (valueNode && (valueNode.type === 'object' || valueNode.type === 'array')) {
      if (reportShape) ctx.problem(
        'invalid-constants-json',
        json.range(valueNode.offset, valueNode.offset + valueNode.length),
        `${label}: the value of "${key}" must be a string, number or boolean, but it is ${describeJsonType(valueNode)}.`,
      );
      continue;
    }
    const value: ValueInfo = valueNode
      ? jsonValue(json, valueNode)
      : { value: '', valueKind: 'empty', quoted: false };
    scope.assignments.push(
      makeAssignment(ctx, { name: key, key, keySpan: stringSpan(json, keyNode), channel, value, entrySpan }),
    );
  }
}

/** A CONSTANTS value: strict JSON object of scalars. */
export function readConstantsJson(ctx: ReadContext, scope: Scope, json: MappedText, label: string): void {
  const { root, valid } = parseStrictJson(ctx, json, label);
  readConstantsObject(ctx, scope, json, root, 'constants-json', label, valid);
}

/**
 * MendixApp `customConfiguration`: a JSON object whose `MicroflowConstants` is an object
 * or a JSON string holding one.
 */
export function readCustomConfiguration(ctx: ReadContext, scope: Scope, json: MappedText): void {
  const { root, valid } = parseStrictJson(ctx, json, 'customConfiguration');
  if (!root) return;
  if (root.type !== 'object') {
    if (!valid) return;
    ctx.problem(
      'invalid-constants-json',
      json.range(root.offset, root.offset + root.length),
      `customConfiguration must be a JSON object, but it is ${describeJsonType(root)}.`,
    );
    return;
  }
  for (const property of root.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (keyNode?.value === 'DTAPMode' && valueNode?.type === 'string' && !scope.dtapMode) {
      scope.dtapMode = { value: String(valueNode.value), range: ctx.range(stringSpan(json, valueNode)) };
    }
    if (keyNode?.value !== 'MicroflowConstants' || !valueNode) continue;
    const label = 'customConfiguration MicroflowConstants';
    if (valueNode.type === 'string') {
      const end = valueNode.offset + valueNode.length;
      const closed = valueNode.length >= 2 && json.text[end - 1] === '"';
      const inner = decodeJsonString(json, valueNode.offset + 1, closed ? end - 1 : end);
      const parsed = parseStrictJson(ctx, inner, label);
      readConstantsObject(ctx, scope, inner, parsed.root, 'custom-configuration', label, parsed.valid);
    } else {
      readConstantsObject(ctx, scope, json, valueNode, 'custom-configuration', label, valid);
    }
  }
}
