// Comments that talk to us, in any file kind, with any comment leader of the file-kind table
// (`#` in YAML and .env, `//` in Java): `mendix-email-disable-next-line <id>[, <id>…]` and
// `mendix-email: target=<target>`. Only whole-line comments count.
import type { FileKind, ReadResult } from '../core/types';
import { FILE_KINDS } from '../core/fileKinds';
import type { ReadContext } from './context';
import { multiLineEntries } from './multiLineEntries';

/** `#|\/\/`: every leader a kind writes its comments with. */
const LEADER = [...new Set(Object.values(FILE_KINDS).flatMap((k) => (k.comment ? [k.comment] : [])))]
  .map((c) => c.replace(/[/\\^$.*+?()[\]{}|]/g, '\\$&'))
  .join('|');
const SUPPRESS = new RegExp(String.raw`^[ \t]*(?:${LEADER})[ \t]*mendix-email-disable-next-line\b([^\r\n]*)`, 'gm');
const TARGET = new RegExp(String.raw`^[ \t]*(?:${LEADER})[ \t]*mendix-email:[ \t]*target[ \t]*=[ \t]*([A-Za-z0-9_-]+)`, 'm');

export function readComments(ctx: ReadContext, kind?: FileKind): Pick<ReadResult, 'suppressions' | 'targetDirective'> {
  const suppressions: ReadResult['suppressions'] = [];
  if (ctx.text.includes('mendix-email-disable-next-line')) {
    for (const m of ctx.text.matchAll(SUPPRESS)) {
      // ids until an optional `-- reason`; no ids means every rule
      const ruleIds = m[1]
        .split(/[ \t]--[ \t]|[ \t]--$/)[0]
        .split(/[\s,]+/)
        .filter((id) => /^[a-z][a-z0-9-]*$/.test(id));
      const line = ctx.lines.positionAt(m.index ?? 0).line + 1;
      suppressions.push({ line, ruleIds });
    }
    if (kind && suppressions.length) suppressions.push(...overWholeEntries(ctx, kind, suppressions));
  }
  const result: Pick<ReadResult, 'suppressions' | 'targetDirective'> = { suppressions };
  const target = ctx.text.includes('mendix-email:') ? TARGET.exec(ctx.text) : null;
  if (target && target.index !== undefined) {
    const start = target.index + target[0].length - target[1].length;
    result.targetDirective = { target: target[1], range: ctx.range([start, start + target[1].length]) };
  }
  return result;
}

/**
 * A comment above an entry whose value runs over several lines (`CONSTANTS: '{…,\n …}'`, a block
 * scalar, a quoted .env value) covers the whole entry: no comment can go inside the value, next
 * to the line a finding is on. Said as one suppression per further line of the entry, so every
 * reader of `suppressions` (the engine, the online rules) honours it without knowing entries.
 */
function overWholeEntries(ctx: ReadContext, kind: FileKind, comments: ReadResult['suppressions']): ReadResult['suppressions'] {
  const entries = multiLineEntries(ctx.text, kind, ctx.yamlDocuments);
  const more: ReadResult['suppressions'] = [];
  for (const comment of comments) {
    const entry = entries.find((e) => e.range.start.line === comment.line);
    if (!entry) continue;
    for (let line = comment.line + 1; line <= entry.range.end.line; line++) more.push({ line, ruleIds: [...comment.ruleIds] });
  }
  return more;
}
