// A Kubernetes env list item sets its variable in two sibling keys: `name:` says which
// variable, `value:` what it gets. Completing a `value:` needs the item's `name:`, which may
// sit above it (usually on the `- name:` line) or below it.
import { indentOf, lines } from './text';

/** `name: MX_…` (quoted or not) → `MX_…`. */
function nameIn(content: string): string | undefined {
  return /^name[ \t]*:[ \t]*(["']?)([^"'#\s]+)\1/.exec(content)?.[2];
}

/** The line's key column and its content there: `  - name: X` → 4, `name: X`. */
function keyAt(line: string): { column: number; content: string; dash: boolean } {
  const dash = /^([ \t]*-[ \t]+)(.*)$/.exec(line);
  if (dash) return { column: dash[1].length, content: dash[2], dash: true };
  return { column: indentOf(line).length, content: line.trimStart(), dash: false };
}

/**
 * The `name:` of the list item whose key on `line` starts at `keyColumn`, or undefined when
 * the item has none (yet).
 */
export function envVarNameOfItem(text: string, line: number, keyColumn: number): string | undefined {
  const all = lines(text);
  const here = keyAt(all[line] ?? '');
  const skip = (t: string) => !t.trim() || t.trimStart().startsWith('#');
  // up to the item's `- ` line, unless the cursor's line is that line
  for (let l = line - 1; l >= 0 && !here.dash; l--) {
    if (skip(all[l])) continue;
    const key = keyAt(all[l]);
    if (key.column === keyColumn) {
      const name = nameIn(key.content);
      if (name || key.dash) return name;
    } else if (indentOf(all[l]).length < keyColumn) return undefined;
  }
  // down to the next item or the end of the list
  for (let l = line + 1; l < all.length; l++) {
    if (skip(all[l])) continue;
    const key = keyAt(all[l]);
    if (key.dash || indentOf(all[l]).length < keyColumn) return undefined;
    if (key.column === keyColumn) {
      const name = nameIn(key.content);
      if (name) return name;
    }
  }
  return undefined;
}
