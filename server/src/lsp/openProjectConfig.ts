// A `.mendix-email.json` open in the editor counts as the editor has it, unsaved edits
// included: a rule switched off there (by hand or by the "Disable … for this file" action,
// whose edit lands in the open editor) is off for the other files at once, not after a save.
// Which config applies is still decided on disk (ProjectConfigCache.for): an open config only
// replaces the text of the file found there.
import type { LoadedProjectConfig } from '../core/settings';
import { parseProjectConfig } from '../config/parseProjectConfig';

/** The open config files of one session: the last parse of each, reused while its text stays the same (every check asks). */
export class OpenProjectConfigs {
  private readonly parsedOpen = new Map<string, { text: string; loaded: LoadedProjectConfig }>();

  withOpenText(saved: LoadedProjectConfig | undefined, openText: (path: string) => string | undefined): LoadedProjectConfig | undefined {
    if (!saved) return undefined;
    const text = openText(saved.file);
    if (text === undefined) {
      this.parsedOpen.delete(saved.file);
      return saved;
    }
    const cached = this.parsedOpen.get(saved.file);
    if (cached?.text === text) return cached.loaded;
    const loaded = parseProjectConfig(text, saved.file);
    this.parsedOpen.set(saved.file, { text, loaded });
    return loaded;
  }
}
