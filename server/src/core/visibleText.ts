// Text from servers and files (an SMTP reply, a value in a settings file, a file name) may
// carry terminal control sequences: ESC]52 writes the clipboard, ESC[2K ESC[1A rewrites
// lines already shown, ESC]0 retitles the window, bidi overrides reorder what is read. Every
// text output (CLI text format and stderr, send-test/verify reports, the output channel,
// notifications, diagnostics) shows them in a visible form instead, through this one function.
// Only line feed and tab pass through: our own layouts use them.

/** C0 controls but \t and \n; DEL and C1 (U+009B is CSI on some terminals); bidi controls. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const hex = (c: string, width: number) => c.charCodeAt(0).toString(16).padStart(width, '0');

/** `text` with every control character shown as `\x1b` (or `\u202e` beyond Latin-1): safe to print. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => (c.charCodeAt(0) < 0x100 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

/**
 * JSON text (JSON.stringify output) with the controls JSON leaves raw (DEL, C1, bidi)
 * written as `\u009b` escapes too: the value a JSON reader gets is unchanged, and a person
 * who prints the file sees no raw control character. (JSON.stringify already escapes C0.)
 */
export function escapeControlsInJson(json: string): string {
  return json.replace(CONTROL_IN_JSON, (c) => `\\u${hex(c, 4)}`);
}
