// Turns the text of a `.mendix-email.json` (JSON with comments) into a ProjectConfig plus
// the problems a user should see on that file. Invalid entries are dropped, valid ones are
// kept, so one typo never switches the whole file off. The allowed values come from the
// JSON schema that the editor also uses, so the two can never disagree.
// the ESM build: esbuild would otherwise bundle the UMD one, whose lazy require()s break in a bundle
import { createScanner, parseTree, printParseErrorCode, ScanError, SyntaxKind, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import schema from '../../../schemas/mendix-email.schema.json';
import type { Range, SeveritySetting, Target } from '../core/types';
import type { FileSettings, LoadedProjectConfig, ProjectConfig, Role } from '../core/settings';
import { globRefusal } from './configGlobs';
import { tooDeepWords, withoutTooDeep } from '../sources/jsonc';

type Problem = LoadedProjectConfig['problems'][number];
/** Records a problem; returns undefined so a reader can `return problem(…)` to reject a value. */
type ProblemSink = (message: string, node?: Node) => undefined;

const TARGET_VALUES: readonly string[] = schema.definitions.target.enum;
const ROLE_VALUES: readonly string[] = schema.definitions.role.enum;
const SEVERITY_VALUES: readonly string[] = schema.definitions.severity.enum;
const RULE_IDS: readonly string[] = schema.definitions.ruleId.enum;
const TOP_LEVEL_KEYS = Object.keys(schema.properties);
const MAX_SYNTAX_PROBLEMS = 20;
const CONSTANT_NAME = /^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_.]*$/;

/** Offsets → 0-based line / UTF-16 character, like LSP. */
function positionsOf(text: string): (offset: number) => Range['start'] {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) lineStarts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) lineStarts.push(i + 1);
  }
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - lineStarts[low] };
  };
}

function list(values: readonly string[]): string {
  return values.join(', ');
}

/** Parses and validates; never throws. */
export function parseProjectConfig(text: string, file: string): LoadedProjectConfig {
  const at = positionsOf(text);
  // clamped: an error at the very end (a missing `}`) has a length past the text (found by the fuzz suite)
  const rangeOf = (offset: number, length: number): Range => ({ start: at(Math.min(offset, text.length)), end: at(Math.min(offset + length, text.length)) });
  const nodeRange = (node: Node): Range => rangeOf(node.offset, node.length);
  const problems: Problem[] = [];
  const problem: ProblemSink = (message, node) => {
    problems.push(node ? { message, range: nodeRange(node) } : { message });
    return undefined;
  };
  const config: ProjectConfig = {};

  // an empty (or comments-only) file is a config with nothing set, not an error
  if (isBlank(text)) return { config, file, problems };
  const errors: ParseError[] = [];
  // jsonc-parser recurses per level: a value nested too deep is reported and blanked, the rest is read
  const shallow = withoutTooDeep(text);
  for (const [start, end] of shallow.tooDeep) {
    problems.push({ message: `.mendix-email.json holds ${tooDeepWords()} here; that value is not read.`, range: rangeOf(start, end - start) });
  }
  const root = parseTree(shallow.text, errors, { allowTrailingComma: true, disallowComments: false });
  // a broken file can hold a million errors; the first few say what is wrong
  for (const error of errors.slice(0, MAX_SYNTAX_PROBLEMS)) {
    problems.push({
      message: `.mendix-email.json is not valid JSON: ${describeParseError(error)}. The rest of the file is still used where it can be read.`,
      range: rangeOf(error.offset, Math.max(error.length, 1)),
    });
  }
  if (errors.length > MAX_SYNTAX_PROBLEMS) problem(`.mendix-email.json has ${errors.length - MAX_SYNTAX_PROBLEMS} more syntax errors after these.`);
  if (!root) {
    if (errors.length === 0) problem('.mendix-email.json must hold a JSON object.');
    return { config, file, problems };
  }
  if (root.type !== 'object') {
    problem('.mendix-email.json must hold a JSON object, like {"target": "mendix-cloud"}.', root);
    return { config, file, problems };
  }

  for (const [keyNode, valueNode] of entries(root)) {
    const key = String(keyNode.value);
    switch (key) {
      case '$schema':
        break;
      case 'target':
        if (isOneOf(valueNode, TARGET_VALUES, 'target', problem)) config.target = valueNode!.value as Target;
        break;
      case 'overrides':
        config.overrides = mapOf(valueNode, 'overrides', problem, (k, v) => {
          if (k.trim() === '') return problem('An empty glob in "overrides" matches nothing.', v.parent?.children?.[0]);
          const refused = globRefusal(k);
          if (refused) return problem(`${refused} This entry of "overrides" is ignored.`, v.parent?.children?.[0]);
          if (isOneOf(v, TARGET_VALUES, `the target for "${k}"`, problem)) return v.value as Target;
        });
        break;
      case 'roles':
        config.roles = mapOf(valueNode, 'roles', problem, (k, v) => {
          if (!CONSTANT_NAME.test(k)) {
            return problem(`"${k}" is not a constant name: write Module.Constant, like "MyModule.SMTPHost".`, v.parent?.children?.[0]);
          }
          if (isOneOf(v, ROLE_VALUES, `the role of "${k}"`, problem)) return v.value as Role;
        });
        break;
      case 'rules':
        config.rules = readRules(valueNode, 'rules', problem);
        break;
      case 'files':
        config.files = mapOf(valueNode, 'files', problem, (k, v) => {
          if (k.trim() === '') return problem('An empty glob in "files" matches nothing.', v.parent?.children?.[0]);
          const refused = globRefusal(k);
          if (refused) return problem(`${refused} This entry of "files" is ignored.`, v.parent?.children?.[0]);
          return readFileSettings(v, k, problem);
        }, '"files" must be an object of "glob": { "rules": { … } } entries, like {"model/config.json": {"rules": {"port-25-on-mendix-cloud": "off"}}}.');
        break;
      case 'online':
        if (valueNode?.type === 'boolean') config.online = valueNode.value as boolean;
        else problem('"online" must be true or false.', valueNode);
        break;
      case 'dns':
        readDns(valueNode, config, problem);
        break;
      default:
        problem(`Unknown setting "${key}" in .mendix-email.json (known: ${list(TOP_LEVEL_KEYS.filter((k) => k !== '$schema'))}).`, keyNode);
    }
  }
  return { config, file, problems };
}

/**
 * Only comments and white space? One pass of jsonc-parser's scanner: a comment regex here
 * was quadratic (every `/*` scanned to the end for its `*\/`), and config files come from the repository.
 */
function isBlank(text: string): boolean {
  const scanner = createScanner(text, false);
  for (;;) {
    switch (scanner.scan()) {
      case SyntaxKind.EOF: return true;
      case SyntaxKind.Trivia:
      case SyntaxKind.LineBreakTrivia:
      case SyntaxKind.LineCommentTrivia:
      case SyntaxKind.BlockCommentTrivia:
        if (scanner.getTokenError() !== ScanError.None) return false; // an unclosed comment is reported
        continue;
      default: return false;
    }
  }
}

function* entries(object: Node): Generator<[Node, Node | undefined]> {
  for (const property of object.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (keyNode) yield [keyNode, valueNode];
  }
}

function isOneOf(node: Node | undefined, allowed: readonly string[], what: string, problem: ProblemSink): boolean {
  if (node?.type === 'string' && allowed.includes(node.value as string)) return true;
  const shown = node?.type === 'string' ? `"${node.value}"` : node ? `a ${node.type}` : 'nothing';
  problem(`${what[0].toUpperCase()}${what.slice(1)} is ${shown}; use one of: ${list(allowed)}.`, node);
  return false;
}

/** Reads a JSON object of string keys; entries whose value `read` rejects (returns nothing) are left out. */
function mapOf<T>(
  node: Node | undefined,
  name: string,
  problem: ProblemSink,
  read: (key: string, value: Node) => T | undefined,
  notAnObject = `"${name}" must be an object of "key": "value" entries.`,
): Record<string, T> | undefined {
  if (node?.type !== 'object') {
    problem(notAnObject, node);
    return undefined;
  }
  const result: Record<string, T> = {};
  for (const [keyNode, valueNode] of entries(node)) {
    if (!valueNode) continue;
    const value = read(String(keyNode.value), valueNode);
    if (value !== undefined) result[String(keyNode.value)] = value;
  }
  return result;
}

/** Rule id → severity, for the whole project (`rules`) or for some files (`files.<glob>.rules`). */
function readRules(node: Node | undefined, name: string, problem: ProblemSink): Record<string, SeveritySetting> | undefined {
  return mapOf(node, name, problem, (k, v) => {
    if (!RULE_IDS.includes(k)) {
      return problem(`"${k}" is not a Mendix Email rule id. Known ids: ${list(RULE_IDS)}.`, v.parent?.children?.[0]);
    }
    if (isOneOf(v, SEVERITY_VALUES, `the severity of "${k}"`, problem)) return v.value as SeveritySetting;
  });
}

/** One entry of `files`: what it sets for the files its glob matches (only `rules` so far). */
function readFileSettings(node: Node, glob: string, problem: ProblemSink): FileSettings | undefined {
  if (node.type !== 'object') return problem(`The entry for "${glob}" in "files" must be an object, like {"rules": {"sender-noreply": "off"}}.`, node);
  const settings: FileSettings = {};
  for (const [keyNode, valueNode] of entries(node)) {
    if (keyNode.value !== 'rules') {
      problem(`Unknown setting "${keyNode.value}" for "${glob}" in "files" (known: rules).`, keyNode);
      continue;
    }
    const rules = readRules(valueNode, `files["${glob}"].rules`, problem);
    if (rules) settings.rules = rules;
  }
  return settings;
}

function readDns(node: Node | undefined, config: ProjectConfig, problem: ProblemSink): void {
  if (node?.type !== 'object') return void problem('"dns" must be an object, like {"servers": ["9.9.9.9"]}.', node);
  for (const [keyNode, valueNode] of entries(node)) {
    if (keyNode.value !== 'servers') {
      problem(`Unknown setting "dns.${keyNode.value}" (known: dns.servers).`, keyNode);
      continue;
    }
    if (valueNode?.type !== 'array') {
      problem('"dns.servers" must be a list of server addresses, like ["9.9.9.9", "[2620:fe::fe]:53"].', valueNode);
      continue;
    }
    const servers: string[] = [];
    for (const item of valueNode.children ?? []) {
      if (item.type === 'string' && String(item.value).trim() !== '') servers.push(String(item.value).trim());
      else problem('Each DNS server must be a non-empty string like "9.9.9.9" or "127.0.0.1:5353".', item);
    }
    config.dns = { servers };
  }
}

function describeParseError(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  // "CommaExpected" → "comma expected"
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
