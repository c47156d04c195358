// Each language-server session finds its workspace's declared constants with its own walk
// (lsp/editorFeatures.ts declarationsProvider): the re-check it asks for reaches its own
// documents, and rescan() walks its own workspace again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { declarationsProvider } from '../../../server/src/lsp/editorFeatures';
import { WorkspaceFolders } from '../../../server/src/lsp/workspace';

const metadata = (names: string[]) => JSON.stringify({ Constants: names.map((Name) => ({ Name, Type: 'String', DefaultValue: '' })) });

function write(root: string, rel: string, text: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
}

/** Counts the calls of `callback`; next() waits for the next one, failing after a deadline (no sleep: it waits for the call). */
function calls(what: string) {
  let waiting: (() => void) | undefined;
  const counted = { count: 0 };
  return {
    counted,
    callback: () => {
      counted.count++;
      waiting?.();
    },
    next: () =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${what}: not called (${counted.count} calls before)`)), 5_000);
        waiting = () => {
          clearTimeout(timer);
          waiting = undefined;
          resolve();
        };
      }),
  };
}

test('two sessions walk the workspace each for itself: each is told when its own walk found the declarations', async () => {
  const root = mkdtempSync(join(tmpdir(), 'mendix-email-sessions-'));
  try {
    write(root, 'model/metadata.json', metadata(['Mail.SMTPHost']));
    const file = join(root, 'm2ee.yaml');
    const folders = new WorkspaceFolders();
    folders.set([{ uri: pathToFileURL(root).href, name: 'app' }]);

    const first = calls('the first session');
    const inFirst = declarationsProvider(folders, first.callback);
    let walked = first.next();
    assert.deepEqual(inFirst(file), [], 'a check never waits for the walk');
    await walked;
    assert.deepEqual(inFirst(file).map((d) => d.name), ['Mail.SMTPHost']);

    // a second session (another window in the same process) starts its own walk and hears of it
    const second = calls('the second session');
    const inSecond = declarationsProvider(folders, second.callback);
    walked = second.next();
    assert.deepEqual(inSecond(file), [], "not the first session's walk");
    await walked;
    assert.deepEqual(inSecond(file).map((d) => d.name), ['Mail.SMTPHost']);
    // the walk ends after it reported (its promise settles on a later turn)
    await new Promise(setImmediate);

    // rescan() walks that session's workspace again, and only that session's
    write(root, 'javasource/mail/proxies/constants/Constants.java', 'package mail.proxies.constants;\npublic class Constants {\n  public static java.lang.String getX() { return (java.lang.String)com.mendix.core.Core.getConfiguration().getConstantValue("Mail.SMTPPort"); }\n}\n');
    inSecond.rescan();
    walked = second.next();
    inSecond(file);
    await walked;
    assert.deepEqual(inSecond(file).map((d) => d.name).sort(), ['Mail.SMTPHost', 'Mail.SMTPPort']);
    assert.deepEqual(inFirst(file).map((d) => d.name), ['Mail.SMTPHost'], 'the first session walks again only when its own rescan() or interval says so');
    assert.equal(first.counted.count, 1);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
