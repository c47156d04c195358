// Is the cursor inside JSON that a YAML file holds in a string: a `CONSTANTS` variable (env map,
// compose `- CONSTANTS=…` item, Kubernetes `- name: CONSTANTS` / `value:`) or a MendixApp
// `customConfiguration`? Asked of the parsed YAML, not of the cursor's line, so keys and values
// on the later lines of a `CONSTANTS: |` block scalar count too; the readers' own decoding
// (sources/yamlScalar.ts) maps the cursor into the JSON.
import { isMap, isScalar, isSeq, parseAllDocuments, visit, type Document, type Scalar } from 'yaml';
import { MappedText } from '../sources/mappedText';
import { mappedScalar } from '../sources/yamlScalar';
import { YAML_PARSE_OPTIONS } from '../sources/yamlReparse';
import { stringOf, valueOf } from '../sources/yamlNodes';
import { jsonAtCursor, type JsonAtCursor } from './jsonPlace';

interface HeldJson {
  node: Scalar;
  /** where the JSON starts in the scalar's text (after `CONSTANTS=` in a compose list item) */
  skip: number;
  constantsPath: readonly string[];
}

/** Every scalar of the document that holds constants JSON. */
function heldJson(doc: Document): HeldJson[] {
  const found: HeldJson[] = [];
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (!isScalar(pair.value)) return;
      if (key === 'CONSTANTS') found.push({ node: pair.value, skip: 0, constantsPath: [] });
      if (key === 'customConfiguration') found.push({ node: pair.value, skip: 0, constantsPath: ['MicroflowConstants'] });
    },
    Map(_, map) {
      // a Kubernetes EnvVar: `- name: CONSTANTS` with its `value:`
      const value = valueOf(map, 'value');
      if (stringOf(map, 'name') === 'CONSTANTS' && isScalar(value)) found.push({ node: value, skip: 0, constantsPath: [] });
    },
    Seq(_, seq) {
      // a compose list item `- CONSTANTS={…}`
      for (const item of seq.items) {
        if (isScalar(item) && typeof item.value === 'string' && item.value.startsWith('CONSTANTS=')) {
          found.push({ node: item, skip: 'CONSTANTS='.length, constantsPath: [] });
        }
      }
    },
  });
  return found;
}

function contains(node: Scalar, offset: number): boolean {
  const range = node.range;
  return !!range && offset >= range[0] && offset <= range[1];
}

export function jsonInYamlAt(text: string, offset: number): JsonAtCursor | undefined {
  // most YAML holds no JSON: no need to parse it for that
  if (!/CONSTANTS|customConfiguration/.test(text)) return undefined;
  const file = MappedText.identity(text, 0);
  for (const doc of parseAllDocuments(text, YAML_PARSE_OPTIONS) as Document[]) {
    if (!isMap(doc.contents) && !isSeq(doc.contents)) continue;
    for (const held of heldJson(doc)) {
      if (!contains(held.node, offset)) continue;
      const decoded = mappedScalar(file, held.node);
      const json = decoded.slice(held.skip, decoded.text.length);
      // in a double-quoted YAML string a JSON quote is written \"
      return jsonAtCursor(json, offset, held.constantsPath, held.node.type === 'QUOTE_DOUBLE' ? '\\"' : '"');
    }
  }
  return undefined;
}
