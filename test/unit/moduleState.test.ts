// No hidden state in the server: whatever a session, a CLI run or a test must be able to start
// afresh (kept parses, project configs, open config texts, workspace walks, DNS answers) is an
// object its owner creates and passes in (core/parseCache.ts, config/projectConfig.ts, …).
// What may stay at module level is listed below with the reason it is invisible — a memo of a
// pure function (same answer for every caller, bounded), a weak map keyed by objects that are
// gone with their owner, a module loaded once. Any other module-level variable that a function
// changes fails this test: make it an object its owner passes in, or add it here with a reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..', '..');

const INVISIBLE: Record<string, string> = {
  'server/src/config/configGlobs.ts compiled': 'memo of compileGlob (pure), capped',
  'server/src/config/configGlobs.ts matchers': 'memo of a glob → matcher (pure), capped',
  'server/src/settings/mailSettings.ts roleMemo': "memo of a name's role from fixed tables (pure), bounded",
  'server/src/settings/mailSettings.ts addressNameMemo': 'memo of isAddressName (pure), bounded',
  'server/src/settings/addresses.ts problemMemo': 'memo of an address → its problem (pure), bounded',
  'server/src/rules/domain-typo.ts answers': 'memo of a domain → the common domain it is a slip of (pure), bounded',
  'server/src/sources/multiLineEntries.ts lastParsed': 'memo of one text → its entries (pure), one entry',
  'server/src/sources/yamlConstants.ts readBefore': "weak map keyed by the nodes of a caller's kept parses",
  'server/src/ruleKit/addressItems.ts cache': "weak map keyed by one check's mail settings",
  'server/src/rules/unknown-constant.ts indexCache': "weak map keyed by the caller's declarations array",
  'server/src/engine/offeredFixes.ts verdicts': "weak map keyed by one check's fix objects (a verdict never changes)",
  'server/src/sources/dotenv.ts KEY': 'a sticky regular expression: lastIndex is set before each use',
  'server/src/cli/ruleCatalog.ts catalog': 'the rule list, derived once from the registry',
  'server/src/cli/ruleCatalog.ts root': 'where docs/ lies beside the bundle, found once',
};

const MUTATING_METHODS = new Set(['set', 'add', 'delete', 'clear', 'push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function isInsideFunction(node: ts.Node): boolean {
  for (let n = node.parent; n; n = n.parent) if (ts.isFunctionLike(n) || ts.isClassStaticBlockDeclaration(n)) return true;
  return false;
}

function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/** The module-level variables of a file that a function changes: reassigns (`let`), mutates through a method or a property, or hands to another function. */
function changedModuleState(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const names = new Map<string, 'let' | 'const'>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const kind = statement.declarationList.flags & ts.NodeFlags.Let ? 'let' : statement.declarationList.flags & ts.NodeFlags.Const ? 'const' : 'let';
    for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.set(d.name.text, kind);
  }
  const changed = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && names.has(node.text) && isInsideFunction(node)) {
      const parent = node.parent;
      const name = node.text;
      // `x = …`, `x ??= …`, `x++`
      if (ts.isBinaryExpression(parent) && parent.left === node && isAssignmentOperator(parent.operatorToken.kind)) changed.add(name);
      if ((ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) && (parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken)) changed.add(name);
      if (ts.isPropertyAccessExpression(parent) && parent.expression === node) {
        const outer = parent.parent;
        // `x.set(…)`
        if (ts.isCallExpression(outer) && outer.expression === parent && MUTATING_METHODS.has(parent.name.text)) changed.add(name);
        // `x.count = …`, `x.count++`
        if (ts.isBinaryExpression(outer) && outer.left === parent && isAssignmentOperator(outer.operatorToken.kind)) changed.add(name);
        if ((ts.isPrefixUnaryExpression(outer) || ts.isPostfixUnaryExpression(outer)) && (outer.operator === ts.SyntaxKind.PlusPlusToken || outer.operator === ts.SyntaxKind.MinusMinusToken)) changed.add(name);
      }
      // `x[k] = …`
      if (ts.isElementAccessExpression(parent) && parent.expression === node && ts.isBinaryExpression(parent.parent) && parent.parent.left === parent && isAssignmentOperator(parent.parent.operatorToken.kind)) changed.add(name);
      // `remember(x, …)`: a Map or Set handed to a function that may fill it
      if (ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression) && /new (Weak)?(Map|Set)\b/.test(declarationText(source, name))) changed.add(name);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...changed].map((name) => `${relative(root, file).split('\\').join('/')} ${name}`);
}

function declarationText(source: ts.SourceFile, name: string): string {
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === name) return d.getText(source);
  }
  return '';
}

test('no module-level state that a function changes, but the invisible ones listed with their reason', () => {
  const found = sourceFiles(join(root, 'server', 'src')).flatMap(changedModuleState);
  const hidden = found.filter((f) => !(f in INVISIBLE));
  assert.deepEqual(hidden, [], 'module-level state: make it an object its owner passes in (CheckOptions, the session), or list it in INVISIBLE with why it is safe');
  // the scan sees what it must: the listed memos are found (a scan that finds nothing proves nothing)
  for (const memo of ['server/src/settings/mailSettings.ts roleMemo', 'server/src/config/configGlobs.ts compiled', 'server/src/cli/ruleCatalog.ts catalog']) {
    assert.ok(found.includes(memo), `the scan finds ${memo}`);
  }
});

test('no magic path prefixes: no reader or fix check is told something by a made-up path', () => {
  // what a read may keep is said by the cache passed in (core/parseCache.ts notKept()), not by a name like '\u0000fix-check:/w/m2ee.yaml'
  const prefixes = sourceFiles(join(root, 'server', 'src')).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/^.*(?:const \w+\s*=\s*['"`](?:\\u0000|\\0|\\x00)|startsWith\(\s*['"`](?:\\u0000|\\0|\\x00)).*$/gm)].map((m) => `${relative(root, file)}: ${m[0].trim()}`),
  );
  assert.deepEqual(prefixes, []);
});
