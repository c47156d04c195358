// Drives the VS Code workbench in Chromium the way a user does: keyboard for Quick Open
// and the command palette, the Problems panel read from the screen. Every wait is bounded.
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { outputDir } from './tools';

export const browserArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: browserArgs, headless: true });
}

export interface Problem {
  severity: 'error' | 'warning' | 'info' | 'unknown';
  message: string;
  /** the rule id VS Code shows as "source(code)" */
  code: string;
  source: string;
  line: number; // 1-based, as the panel shows it
  column: number;
  text: string;
}

/** Polls `probe` until it returns a value that `done` accepts; fails with the last value seen. */
export async function waitFor<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await probe();
      if (done(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${JSON.stringify(last)}${lastError ? `; last error: ${String(lastError)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 250)); // polling interval of a bounded wait, not a fixed sleep
  }
}

export class Workbench {
  constructor(readonly page: Page) {}

  static async open(browser: Browser, serverUrl: string, folder: string): Promise<Workbench> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    // a loaded machine (CI, parallel suites) can take well over the default 30 s to serve the workbench
    await page.goto(`${serverUrl}/?folder=${encodeURIComponent(folder)}`, { timeout: 120_000 });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    // the explorer lists the folder once the remote file system answers
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: 60_000 });
    return new Workbench(page);
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(outputDir, { recursive: true });
    const path = join(outputDir, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  private quickInput() {
    return this.page.locator('.quick-input-widget');
  }

  /** Quick Open (Ctrl+P): type the file name, pick the row, wait for its editor tab. */
  async openFile(fileName: string): Promise<void> {
    await this.dismissMenus();
    await this.closeQuickInput();
    const input = this.quickInput().locator('input').first();
    const row = this.quickInput().locator('.monaco-list-row.focused', { hasText: fileName }).first();
    const tab = this.page.locator('.tabs-container .tab.active', { hasText: fileName });
    // The first file search of a fresh window can be slow, and an Enter pressed while Quick
    // Open merges its file search results into the "recently opened" rows can open nothing:
    // retype (reopening Quick Open if it closed) until the file's tab is the active one.
    await waitFor(`Quick Open to open ${fileName}`, async () => {
      if (!(await this.quickInput().isVisible())) {
        await this.page.keyboard.press('Control+P');
        await this.quickInput().waitFor({ state: 'visible', timeout: 10_000 });
      }
      await input.fill('', { timeout: 5_000 });
      await input.fill(fileName, { timeout: 5_000 });
      if (!(await row.waitFor({ state: 'visible', timeout: 15_000 }).then(() => true, () => false))) return false;
      await this.page.keyboard.press('Enter');
      return tab.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
    }, (opened) => opened, 90_000);
    await this.closeQuickInput();
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: 20_000 });
  }

  private async openPalette(title: string): Promise<void> {
    await this.closeQuickInput();
    await this.page.keyboard.press('F1');
    await this.quickInput().waitFor({ state: 'visible', timeout: 10_000 });
    await this.quickInput().locator('input').first().fill(`>${title}`);
  }

  /** Command palette (F1): type the command's title, wait for it in the list, run it. */
  async runCommand(title: string): Promise<void> {
    const row = this.quickInput().locator('.monaco-list-row', { hasText: title }).first();
    // The palette lists what the context keys allow when it opens: a command whose `when` clause
    // follows the active editor (mendixEmail.settingsFile) may appear a moment after a file is
    // opened, so the palette is opened again until it lists the command.
    await waitFor(`the command palette to list "${title}"`, async () => {
      await this.openPalette(title);
      return row.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
    }, (listed) => listed, 30_000);
    await row.click();
  }

  /** Whether the command palette lists a command with this title (then closes it). */
  async hasCommand(title: string): Promise<boolean> {
    await this.openPalette(title);
    const found = await this.quickInput().locator('.monaco-list-row', { hasText: title }).first()
      .waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
    await this.closeQuickInput();
    return found;
  }

  /** Waits for an input box or quick pick (optionally one whose title/prompt/placeholder matches `prompt`);
   * an error notification that appears meanwhile fails at once with its text. Error toasts already
   * showing when the wait starts belong to earlier steps and do not count (a click on a tree row
   * that the view was re-rendering left one: "Actual command not found"). */
  async waitForInput(prompt?: string | RegExp, timeoutMs = 20_000): Promise<string> {
    const matches = (text: string) => text !== '' && (!prompt || (typeof prompt === 'string' ? text.toLowerCase().includes(prompt.toLowerCase()) : prompt.test(text)));
    const errorToasts = this.page.locator('.notifications-toasts .notification-list-item:has(.codicon-error)');
    const earlier = new Set(await errorToasts.allTextContents());
    const seen = await waitFor(`an input box${prompt ? ` asking ${prompt}` : ''}`, async () => {
      const errors = (await errorToasts.allTextContents()).filter((text) => !earlier.has(text));
      if (!(await this.quickInput().isVisible())) return { input: '', errors };
      const message = (await this.quickInput().locator('.quick-input-message').textContent({ timeout: 1_000 }).catch(() => '')) ?? '';
      const placeholder = (await this.quickInput().locator('input').first().getAttribute('placeholder', { timeout: 1_000 }).catch(() => '')) ?? '';
      const title = (await this.quickInput().locator('.quick-input-title').textContent({ timeout: 1_000 }).catch(() => '')) ?? '';
      return { input: `${title} | ${placeholder} | ${message}`, errors };
    }, (v) => matches(v.input) || v.errors.length > 0, timeoutMs);
    if (!matches(seen.input)) throw new Error(`instead of an input box${prompt ? ` asking ${prompt}` : ''}, VS Code showed: ${seen.errors.join(' / ')}`);
    return seen.input;
  }

  /** Types an answer into the open input box (replacing any default) and presses Enter. */
  async answerInput(text: string): Promise<void> {
    const input = this.quickInput().locator('input').first();
    await input.fill(text);
    await this.page.keyboard.press('Enter');
  }

  /** Picks the row containing `label` in the open quick pick. */
  async pick(label: string | RegExp): Promise<void> {
    const row = this.quickInput().locator('.monaco-list-row', { hasText: label }).first();
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    await row.click();
  }

  /** Closes a code action menu or context menu left open (a failed step must not block the next). */
  async dismissMenus(): Promise<void> {
    if (await this.page.locator('.action-widget:not(.action-list-submenu-panel):visible, .context-view .monaco-menu:visible').count()) {
      await this.page.keyboard.press('Escape');
    }
  }

  async closeQuickInput(): Promise<void> {
    if (await this.quickInput().isVisible()) {
      await this.page.keyboard.press('Escape');
      await this.quickInput().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
    }
  }

  /** Shows the Problems panel (View: Focus Problems) and reads every marker row in it. */
  async readProblems(): Promise<Problem[]> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.runCommand('View: Focus Problems');
      await panel.waitFor({ state: 'visible', timeout: 10_000 });
    }
    return this.problemRows();
  }

  /**
   * The Problems panel's rows, read in one DOM snapshot: reading row by row straddled re-renders
   * (the panel replaces a file's rows when its markers change) and returned half-old lists.
   */
  async problemRows(): Promise<Problem[]> {
    // No named functions inside the page function: tsx wraps them in a `__name` helper that the
    // page does not have.
    const rows = await this.page.locator('.markers-panel .monaco-list-row').evaluateAll((els) => els.map((row) => {
      const marker = row.querySelector('.marker-icon');
      const [message, source, code, where] = ['.marker-message', '.marker-source', '.marker-code', '.marker-line']
        .map((selector) => (row.querySelector(selector)?.textContent ?? '').trim());
      return {
        top: parseFloat((row as unknown as { style: { top: string } }).style.top) || 0,
        iconClass: marker ? marker.getAttribute('class') ?? '' : undefined,
        message, source, code, where,
        text: (row.textContent ?? '').replace(/\s+/g, ' ').trim(),
      };
    }));
    const result: Problem[] = [];
    for (const row of rows.sort((a, b) => a.top - b.top)) {
      if (row.iconClass === undefined) continue; // a file row, not a problem
      const severity = /\berror\b/.test(row.iconClass) ? 'error' : /\bwarning\b/.test(row.iconClass) ? 'warning' : /\binfo\b/.test(row.iconClass) ? 'info' : 'unknown';
      const position = /\[Ln (\d+), Col (\d+)\]/.exec(row.where);
      result.push({
        severity,
        message: row.message,
        source: row.source,
        code: row.code,
        line: position ? Number(position[1]) : 0,
        column: position ? Number(position[2]) : 0,
        text: row.text,
      });
    }
    return result;
  }

  /** The active editor's visible text, lines in order (the editor renders spaces as U+00A0). */
  async editorText(): Promise<string> {
    const lines = this.page.locator('.editor-instance .monaco-editor .view-lines .view-line');
    const items = await lines.evaluateAll((els) => els.map((e) => ({ top: parseFloat((e as unknown as { style: { top: string } }).style.top) || 0, text: e.textContent ?? '' })));
    return items.sort((a, b) => a.top - b.top).map((i) => i.text.replace(/\u00a0/g, ' ')).join('\n');
  }

  /** The rendered token `token` on the editor line that contains `lineText`. */
  token(lineText: string, token: string) {
    const line = this.page.locator('.editor-instance .monaco-editor .view-lines .view-line', { hasText: lineText }).first();
    return line.locator('span > span', { hasText: new RegExp(`^\\s*${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) }).first();
  }

  /** Moves the mouse over a token and returns the hover's text once it shows. */
  async hover(lineText: string, token: string): Promise<string> {
    const target = this.token(lineText, token);
    await target.waitFor({ state: 'visible', timeout: 10_000 });
    const hover = this.page.locator('.monaco-hover:visible').first();
    return waitFor(`a hover over ${token}`, async () => {
      if (!(await hover.isVisible())) await target.hover({ force: true });
      return ((await hover.textContent({ timeout: 2_000 }).catch(() => '')) ?? '').replace(/\s+/g, ' ').trim();
    }, (text) => text.length > 0, 20_000);
  }

  /** Puts the cursor on a token, waits for the light bulb and opens its menu; returns the offered actions' titles. */
  async openLightBulb(lineText: string, token: string, timeoutMs = 20_000): Promise<string[]> {
    const target = this.token(lineText, token);
    await target.waitFor({ state: 'visible', timeout: 10_000 });
    await target.click();
    const bulb = this.page.locator('.lightBulbWidget:visible, .codicon-lightbulb-autofix:visible, .codicon-lightbulb:visible').first();
    const shown = await bulb.waitFor({ state: 'visible', timeout: timeoutMs }).then(() => true, () => false);
    if (!shown) return [];
    await bulb.click({ force: true });
    const menu = this.page.locator('.action-widget:not(.action-list-submenu-panel)').first();
    await menu.waitFor({ state: 'visible', timeout: 10_000 });
    return (await menu.locator('.monaco-list-row.action').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /** Clicks the action whose title contains `title` in the open code action menu. */
  async chooseAction(title: string | RegExp): Promise<void> {
    const row = this.page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    await row.click();
    await this.page.locator('.action-widget:not(.action-list-submenu-panel)').first().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
  }

  /** Waits for a notification toast whose text matches and returns that text. */
  async waitForNotification(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
    const texts = await waitFor(`a notification matching ${pattern}`, () => this.notifications(), (all) => all.some((t) => pattern.test(t)), timeoutMs);
    return texts.find((t) => pattern.test(t))!;
  }

  /** The text of the editor's status bar language indicator, e.g. "YAML". */
  async languageMode(): Promise<string> {
    return ((await this.page.locator('#status\\.editor\\.mode').textContent()) ?? '').trim();
  }

  /** The active editor's language id, as "Change Language Mode" lists it: "Dotenv (dotenv) - Configured Language". */
  async languageId(alias: string): Promise<string> {
    await this.runCommand('Change Language Mode');
    await this.waitForInput();
    await this.quickInput().locator('input').first().fill(alias);
    const row = this.quickInput().locator('.monaco-list-row', { hasText: 'Configured Language' }).first();
    const text = await waitFor('the configured language in the language picker', async () => (await row.textContent({ timeout: 2_000 }).catch(() => '')) ?? '', (t) => t.length > 0, 20_000);
    await this.closeQuickInput();
    return /\(([^()]+)\) - Configured Language/.exec(text)?.[1] ?? text;
  }

  /** How many differently coloured tokens the editor line containing `lineText` is drawn with. */
  async tokenColours(lineText: string): Promise<number> {
    const line = this.page.locator('.editor-instance .monaco-editor .view-lines .view-line', { hasText: lineText }).first();
    await line.waitFor({ state: 'visible', timeout: 10_000 });
    const classes = await line.locator('span > span').evaluateAll((els) => els.map((e) => (e as unknown as { className: string }).className));
    return new Set(classes.map((c) => /\bmtk\d+\b/.exec(c)?.[0] ?? '')).size;
  }

  /** The language status items of the active editor, as the "{}" hover in the status bar shows them:
   * one string per item, its label then its detail (e.g. "self-hosted from file kind: …"). */
  async languageStatus(): Promise<string[]> {
    const entry = this.page.locator('.statusbar #status\\.languageStatus');
    const rows = this.page.locator('.hover-language-status');
    await entry.waitFor({ state: 'visible', timeout: 10_000 });
    if (!(await rows.first().isVisible())) {
      // the hover opens when the pointer arrives: leave and come back
      await this.page.mouse.move(1, 1);
      await entry.hover({ timeout: 5_000 });
      await rows.first().waitFor({ state: 'visible', timeout: 5_000 });
    }
    return rows.locator('.left').evaluateAll((els) => els.map((e) => ((e as unknown as { innerText: string }).innerText ?? '').replace(/\s+/g, ' ').trim()));
  }

  /** Closes the status bar hover (it covers the Problems panel otherwise). */
  async closeHover(): Promise<void> {
    const rows = this.page.locator('.hover-language-status').first();
    if (await rows.isVisible()) {
      await this.page.mouse.move(700, 300);
      await this.page.keyboard.press('Escape');
      await rows.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {}); // a hover left open covers little
    }
  }

  /** Saves the active editor (Ctrl+S with the focus in the editor). */
  async save(): Promise<void> {
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
    await this.page.keyboard.press('Control+S');
  }

  /** Notifications currently shown (toasts), as text. */
  async notifications(): Promise<string[]> {
    const toasts = this.page.locator('.notifications-toasts .notification-list-item');
    return (await toasts.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  }
}
