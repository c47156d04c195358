// Steps the target tests share: read the language status item, drive "Explain or Change
// Target of This File" through its two quick picks, keep a screenshot when a step fails.
import type { Problem, Workbench } from './workbench';
import { waitFor } from './workbench';

/** The status item's line that names `target` with a source matching `source` ("<target> from <where>"), once it shows; the hover stays open. */
export async function statusShowing(workbench: Workbench, target: string, source: RegExp): Promise<string> {
  const rows = await waitFor(`the language status item to show ${target} ${source}`, () => workbench.languageStatus(),
    (items) => items.some((i) => i.includes(target) && source.test(i)), 30_000);
  return rows.find((i) => i.includes(target) && source.test(i))!;
}

export interface TargetChange {
  /** the command's title in the palette */
  command: string;
  /** the file's name as Quick Open finds it */
  file: string;
  /** the choice in the first quick pick ("Set the target of this file in .mendix-email.json…") */
  how: RegExp;
  /** the title of the second quick pick (the list of targets) */
  second: RegExp;
  /** the target to take there */
  target: RegExp;
}

/** Runs the command on `file` from the palette, takes `how` in its first quick pick, then `target` in the second. */
export async function changeTarget(workbench: Workbench, change: TargetChange): Promise<void> {
  await workbench.openFile(change.file);
  await workbench.runCommand(change.command);
  await workbench.waitForInput(new RegExp(`Mendix Email target of ${change.file.replace(/\./g, '\\.')}`), 30_000);
  await workbench.pick(change.how);
  await workbench.waitForInput(change.second);
  await workbench.pick(change.target);
  await workbench.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Runs `body`; when it throws, a `<name>-failed` screenshot is kept and named in the error. */
export async function withScreenshotOnFailure(workbench: Workbench, name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const shot = await workbench.screenshot(`${name}-failed`).catch(() => 'no screenshot');
    throw new Error(`${(error as Error).message}\n(screenshot: ${shot})`, { cause: error });
  }
}

/**
 * The steps above bound to a test file's workbench (a getter: the session starts in `before`)
 * and the target command's title; `changeTarget` takes the file and both quick pick choices.
 */
export function targetSteps(workbench: () => Workbench, command: string | undefined) {
  return {
    codes: (problems: Problem[]) => problems.map((p) => p.code).sort(),
    statusShowing: (target: string, source: RegExp) => statusShowing(workbench(), target, source),
    withScreenshotOnFailure: (name: string, body: () => Promise<void>) => withScreenshotOnFailure(workbench(), name, body),
    changeTarget: (file: string, how: RegExp, second: RegExp, target: RegExp) =>
      changeTarget(workbench(), { command: command!, file: file.split('/').pop()!, how, second, target }),
  };
}
