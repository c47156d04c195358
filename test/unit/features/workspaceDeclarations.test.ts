// Declarations found in the workspace: model/metadata.json and proxies/constants/Constants.java,
// not in skipped folders, found by a background walk that asks for re-checks, re-read when
// they change, found again after the rescan interval.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { findDeclarationFiles, isDeclarationFile, WorkspaceDeclarations } from '../../../server/src/services/workspaceDeclarations';

function write(root: string, rel: string, text: string): string {
  const p = join(root, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
  return p;
}
const metadata = (names: string[]) => JSON.stringify({ Constants: names.map((Name) => ({ Name, Type: 'String', DefaultValue: '' })) });
const java = (name: string) => `package mail.proxies.constants;\npublic class Constants {\n  public static java.lang.String getX() { return (java.lang.String)com.mendix.core.Core.getConfiguration().getConstantValue("${name}"); }\n}\n`;

test('finds metadata.json under model/ and generated Constants.java, skipping node_modules; a project and its deployment/ folder are one app', async () => {
  const root = mkdtempSync(join(tmpdir(), 'mendix-email-decl-'));
  const settingsFile = join(root, 'app', 'm2ee.yaml');
  try {
    write(root, 'app/deployment/model/metadata.json', metadata(['Mail.SMTPHost']));
    write(root, 'app/javasource/mail/proxies/constants/Constants.java', java('Mail.SMTPPort'));
    write(root, 'node_modules/x/model/metadata.json', metadata(['Ignored.Constant']));
    write(root, 'other/metadata.json', metadata(['Not.InModelFolder']));
    assert.deepEqual((await findDeclarationFiles(root)).map((p) => p.slice(root.length + 1)), [
      'app/deployment/model/metadata.json',
      'app/javasource/mail/proxies/constants/Constants.java',
    ]);
    assert.equal(isDeclarationFile('/a/model/metadata.json'), true);
    assert.equal(isDeclarationFile('/a/constants/Constants.java'), false);
    assert.equal(isDeclarationFile('/a/mail/proxies/constants/Constants.java'), false, 'generated under javasource/ only');

    let changes = 0;
    const decl = new WorkspaceDeclarations(() => changes++);
    assert.deepEqual(decl.declarationsFor(root, settingsFile), [], 'a check never waits for the walk');
    await decl.idle();
    assert.equal(changes, 1, 'the walk asks for a re-check');
    const names = decl.declarationsFor(root, settingsFile).map((d) => d.name).sort();
    assert.deepEqual(names, ['Mail.SMTPHost', 'Mail.SMTPPort']);
    assert.equal(decl.declarationsFor(root, settingsFile), decl.declarationsFor(root, settingsFile), 'the same array while nothing changed');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a changed file is read again; a new file is found after the rescan interval', async () => {
  const root = mkdtempSync(join(tmpdir(), 'mendix-email-decl-'));
  const settingsFile = join(root, 'deploy', '.env');
  let now = 1_000;
  let changes = 0;
  try {
    const file = write(root, 'model/metadata.json', metadata(['A.One']));
    const decl = new WorkspaceDeclarations(() => changes++, () => now);
    decl.declarationsFor(root, settingsFile);
    await decl.idle();
    assert.deepEqual(decl.declarationsFor(root, settingsFile).map((d) => d.name), ['A.One']);
    writeFileSync(file, metadata(['A.One', 'A.Two']));
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    assert.deepEqual(decl.declarationsFor(root, settingsFile).map((d) => d.name), ['A.One', 'A.Two']);
    write(root, 'javasource/b/proxies/constants/Constants.java', java('B.Three'));
    decl.declarationsFor(root, settingsFile);
    await decl.idle();
    assert.equal(decl.declarationsFor(root, settingsFile).length, 2, 'not yet walked again');
    now += 60_000;
    decl.declarationsFor(root, settingsFile);
    await decl.idle();
    assert.equal(changes, 2);
    assert.deepEqual(decl.declarationsFor(root, settingsFile).map((d) => d.name).sort(), ['A.One', 'A.Two', 'B.Three']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
