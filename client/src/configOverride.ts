// The bytes of a .mendix-email.json with one `overrides` entry set, for the target picker when the
// file is not open in an editor (an open one is edited in its editor instead). The file keeps its
// encoding, byte order mark and line ends: a UTF-16 config rewritten as UTF-8 would be another
// file to the tool that wrote it. Kept apart from the picker so it runs without VS Code.
// the ESM build: esbuild would otherwise take the UMD one, whose lazy require()s break in a bundle
import { applyEdits, modify } from 'jsonc-parser/lib/esm/main.js';
import { encodeText } from '../../server/src/core/decodeText';
import type { SmallFile } from './readSmallFile';

/** A config that does not exist yet starts as an empty object, in UTF-8. */
const NEW_CONFIG: SmallFile = { text: '{\n}\n', encoding: 'utf8' };

/** The config file's new bytes with `overrides[glob] = target`; `existing` undefined: a new file. */
export function configWithOverride(existing: SmallFile | undefined, glob: string, target: string): Uint8Array {
  const { text, encoding } = existing ?? NEW_CONFIG;
  const at = text.indexOf('\n');
  const eol = at > 0 && text[at - 1] === '\r' ? '\r\n' : '\n';
  const edits = modify(text, ['overrides', glob], target, { formattingOptions: { insertSpaces: true, tabSize: 2, eol } });
  return encodeText(applyEdits(text, edits), encoding);
}
