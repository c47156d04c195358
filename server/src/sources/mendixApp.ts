// Mendix for Private Cloud `MendixApp` resources: `spec.runtime.microflowConstants` (map),
// `spec.runtime.customConfiguration` (JSON string; its `MicroflowConstants` is an object or
// another JSON string) and `spec.runtime.dtapMode`.
import type { Document, Node } from 'yaml';
import { isMap, isPair, isScalar, type Scalar } from 'yaml';
import type { Scope } from '../core/types';
import { makeAssignment } from './assignments';
import type { ReadContext } from './context';
import { readCustomConfiguration } from './jsonText';
import { newScope } from './scopes';
import { readConstantKeyMap, readDtapMode } from './yamlConstants';
import { keyText, textSpanOf, pairOf, spanOf, stringOf, valueOf, yamlValue } from './yamlNodes';
import { mappedScalar } from './yamlScalar';

export function isMendixAppDocument(doc: Document): boolean {
  const apiVersion = stringOf(doc.contents, 'apiVersion') ?? '';
  return stringOf(doc.contents, 'kind') === 'MendixApp' && apiVersion.startsWith('privatecloud.mendix.com/');
}

export function readMendixAppDocument(ctx: ReadContext, doc: Document): Scope[] {
  const span = spanOf(doc.contents as Node);
  if (!span) return [];
  const name = stringOf(valueOf(doc.contents, 'metadata'), 'name');
  const runtime = pairOf(valueOf(doc.contents, 'spec'), 'runtime');
  const constants = pairOf(runtime?.value, 'microflowConstants');
  const anchorNode = constants?.key ?? runtime?.key ?? pairOf(doc.contents, 'kind')?.value;
  const scope = newScope(ctx, name ? `MendixApp ${name}` : 'MendixApp', 'mendix-app', span, spanOf(anchorNode as Node) ?? span);

  readDtapMode(ctx, runtime?.value, 'dtapMode', doc, scope);
  readConstantKeyMap(ctx, constants?.value, doc, scope);
  const custom = valueOf(runtime?.value, 'customConfiguration');
  if (isScalar(custom) && typeof custom.value === 'string' && custom.value.trim() !== '') {
    readCustomConfiguration(ctx, scope, mappedScalar(ctx.file, custom as Scalar));
  } else if (isMap(custom)) {
    // written as a YAML map instead of a JSON string: read its MicroflowConstants map
    const inner = valueOf(custom, 'MicroflowConstants');
    if (isMap(inner)) {
      for (const pair of inner.items) {
        if (!isPair(pair)) continue;
        const key = keyText(pair);
        const keySpan = textSpanOf(pair.key, ctx.text);
        if (key === undefined || !keySpan) continue;
        scope.assignments.push(
          makeAssignment(ctx, { name: key, key, keySpan, channel: 'custom-configuration', value: yamlValue(ctx, pair.value, doc) }),
        );
      }
    }
  }
  return [scope];
}
