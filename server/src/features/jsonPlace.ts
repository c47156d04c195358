// What belongs at a cursor inside JSON that sets constants: a constant name at a key of the
// constants object, a value by the constant's role at one of its values. The same for
// model/config.json (`Constants`), CONSTANTS (the whole object) and MendixApp
// customConfiguration (`MicroflowConstants`), whether the JSON is the file or held in a string.
import { getLocation, withoutTooDeep } from '../sources/jsonc';
import type { Range } from '../core/types';
import { roleByName } from '../settings/roles';
import type { MappedText } from '../sources/mappedText';
import type { PlaceAt } from './completionTypes';

export interface JsonAtCursor {
  /** the JSON text (decoded, where the file holds it in a string) */
  json: string;
  /** the cursor's index in `json` */
  at: number;
  /** where the constants object sits in the JSON: [] for CONSTANTS */
  constantsPath: readonly string[];
  /** how a JSON `"` is written in the file here (`\"` inside a double-quoted string) */
  quote: string;
}

/**
 * The cursor's place in JSON decoded from the file, or undefined when the cursor is not inside
 * it or the decoding cannot say where each character came from (folded block scalars).
 */
export function jsonAtCursor(held: MappedText, offset: number, constantsPath: readonly string[], quote: string): JsonAtCursor | undefined {
  if (!held.exact) return undefined;
  const [from, to] = held.whole;
  if (offset < from || offset > to) return undefined;
  let at = held.text.length;
  for (let i = 0; i < held.text.length; i++) {
    if (held.startOf(i) >= offset) {
      at = i;
      break;
    }
  }
  return { json: held.text, at, constantsPath, quote };
}

/**
 * The place at the cursor. `before` is the file's line up to the cursor: ranges are taken from
 * it, since what the user typed sits on that line in the file's own writing.
 */
export function placeInJson(spot: JsonAtCursor, before: string, at: (start: number) => Range): PlaceAt | undefined {
  // getLocation recurses per level: too-deep values are blanked first (their offsets kept)
  const location = getLocation(withoutTooDeep(spot.json).text, spot.at);
  const { path } = location;
  const depth = spot.constantsPath.length;
  if (path.length !== depth + 1 || spot.constantsPath.some((p, i) => path[i] !== p)) return undefined;
  const previous = location.previousNode;
  // right after a closed string (a key or a value) there is nothing more of it to complete
  const end = previous ? previous.offset + previous.length : -1;
  if ((previous?.type === 'string' || previous?.type === 'property') && previous.length >= 2 && spot.at >= end && spot.json[end - 1] === '"') return undefined;
  if (location.isAtPropertyKey) {
    const typed = /\\?"([\w.]*)$/.exec(before);
    if (typed) return { place: { what: 'json-key' }, range: at(before.length - typed[1].length) };
    const word = /[\w.]*$/.exec(before)![0];
    return { place: { what: 'json-key', quote: spot.quote }, range: at(before.length - word.length) };
  }
  const name = path[depth];
  if (typeof name !== 'string') return undefined;
  const role = roleByName(name);
  // inside quotes the user opened, the value goes in as it reads
  const inString = /\\?"([\w.-]*)$/.exec(before);
  if (inString) return { place: { what: 'value', role, style: { form: 'plain' } }, range: at(before.length - inString[1].length) };
  const word = /[\w.-]*$/.exec(before)![0];
  return { place: { what: 'value', role, style: { form: 'json', quote: spot.quote } }, range: at(before.length - word.length) };
}
