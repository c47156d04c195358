// What loads on first use is named in one table per bundle (server/src/lsp/lazy.ts,
// server/src/cli/lazy.ts, server/src/smtp/lazy.ts; the client's dist/smtp.js in
// client/src/testMail/loadSmtp.ts), each entry with a comment that says why it waits. A
// require() anywhere else would hide a load from those tables: the source is parsed (not
// grepped), so a require in a comment or a string does not count and one in code always does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..', '..');
const BOUNDARIES = ['server/src/lsp/lazy.ts', 'server/src/cli/lazy.ts', 'server/src/smtp/lazy.ts', 'client/src/testMail/loadSmtp.ts'];
const FOLDERS = ['server/src', 'client/src', 'protocol'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|cts|js|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

/** `require(…)` and `x.require(…)` calls in the code, as `line: text`. */
function requireCalls(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const named = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      if (named === 'require') found.push(`${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText()}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('the scanner finds require calls in code only', () => {
  const text = [
    "// require('in-a-comment')",
    "const s = \"require('in-a-string')\";",
    'if (require.main === module) void 0;',
    "const a = require('./a');",
    "const b = () => module.require('/abs/b.js');",
    '',
  ].join('\n');
  assert.deepEqual(requireCalls('x.ts', text), ["4: require('./a')", "5: module.require('/abs/b.js')"]);
});

test('require() appears only in the lazy-loading tables', () => {
  const outside: string[] = [];
  for (const folder of FOLDERS) {
    for (const path of sourceFiles(join(root, folder))) {
      const file = relative(root, path).split('\\').join('/');
      if (BOUNDARIES.includes(file)) continue;
      for (const call of requireCalls(path, readFileSync(path, 'utf8'))) outside.push(`${file}:${call}`);
    }
  }
  assert.deepEqual(outside, [], 'load it through lsp/lazy.ts, cli/lazy.ts or smtp/lazy.ts (with a comment saying why it waits)');
});

test('each entry of a lazy-loading table says why it waits', () => {
  for (const file of BOUNDARIES.filter((f) => f.endsWith('/lazy.ts'))) {
    const text = readFileSync(join(root, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const entries = source.statements.filter((s): s is ts.VariableStatement => ts.isVariableStatement(s) && Boolean(s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)));
    assert.ok(entries.length > 0, `${file} exports its entries`);
    for (const entry of entries) {
      const name = entry.declarationList.declarations[0].name.getText(source);
      const docs = ts.getJSDocCommentsAndTags(entry.declarationList.declarations[0]);
      assert.ok(docs.some((d) => ts.isJSDoc(d) && String(d.comment ?? '').length > 20), `${file}: ${name} has no /** comment */ saying why it is loaded on first use`);
      assert.equal(requireCalls(file, entry.getText(source)).length, 1, `${file}: ${name} loads one module`);
    }
  }
});
