// "Disable <id> for this file in .mendix-email.json": the edit of the config file that sets
// `files["<this file>"].rules["<id>"]` to "off". Offered where no suppression comment can go
// (JSON files, a line inside another value), so such a finding can be switched off for its
// file without switching the rule off for the whole project.
// the ESM build: esbuild would otherwise bundle the UMD one, whose lazy require()s break in a bundle
import { applyEdits, modify } from 'jsonc-parser/lib/esm/main.js';
import type { TextEdit } from '../core/types';
import { LineIndex } from '../sources/text';

// two spaces, as the target picker (client/src/targetPicker.ts) writes its overrides
const FORMATTING = { formattingOptions: { insertSpaces: true, tabSize: 2 } };

/**
 * The edits of the config text that switch `ruleId` off for the file `glob` names (see
 * config/configGlobs.ts globForFile). `configText` undefined: there is no config file yet,
 * so the edit is the whole new file. undefined: the text is no JSON object jsonc-parser can
 * add to (an array, say); its own problems say what is wrong.
 * Comments and the formatting of the rest stay as they are (jsonc-parser's `modify`).
 */
export function disableForFileEdits(configText: string | undefined, glob: string, ruleId: string): TextEdit[] | undefined {
  const path = ['files', glob, 'rules', ruleId];
  if (configText === undefined) {
    const start = { line: 0, character: 0 };
    return [{ range: { start, end: start }, newText: `${applyEdits('{}', modify('{}', path, 'off', FORMATTING))}\n` }];
  }
  let edits;
  try {
    edits = modify(configText, path, 'off', FORMATTING);
  } catch {
    return undefined;
  }
  const lines = new LineIndex(configText);
  return edits.map((e) => ({ range: { start: lines.positionAt(e.offset), end: lines.positionAt(e.offset + e.length) }, newText: e.content }));
}
