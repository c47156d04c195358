// Other Kubernetes resources: each container's `env` list (`- name: MX_… value: …` or
// `valueFrom`) is a scope, and so is a ConfigMap's `data` (or a Secret's `stringData`) when
// it holds Mendix variables. Resources without any `MX_…`/`CONSTANTS` variable give nothing.
import type { Document, Node } from 'yaml';
import { isMap, isScalar, type Scalar } from 'yaml';
import type { Scope } from '../core/types';
import type { ReadContext } from './context';
import { isConstantEnvName, isMendixEnvName, readEnvEntry } from './envVars';
import { newScope } from './scopes';
import { readEnvMap } from './yamlEnv';
import { keyText, textSpanOf, pairOf, seqItems, spanOf, stringOf, valueOf, yamlValue } from './yamlNodes';
import { mappedScalar } from './yamlScalar';

/** The pod spec of a workload, wherever its kind keeps it. */
function podSpec(kind: string, contents: unknown): unknown {
  const spec = valueOf(contents, 'spec');
  if (kind === 'Pod') return spec;
  if (kind === 'CronJob') return valueOf(valueOf(valueOf(valueOf(spec, 'jobTemplate'), 'spec'), 'template'), 'spec');
  return valueOf(valueOf(spec, 'template'), 'spec');
}

function hasMendixKey(map: unknown): boolean {
  return isMap(map) && map.items.some((p) => { const k = keyText(p); return k !== undefined && isConstantEnvName(k); });
}

function readContainer(ctx: ReadContext, doc: Document, resource: string, container: unknown): Scope | undefined {
  const env = pairOf(container, 'env');
  const items = seqItems(env?.value);
  // a container is ours when it sets a constant; then its DTAP variables count too
  if (!items.some((item) => isConstantEnvName(stringOf(item, 'name') ?? ''))) return undefined;
  const relevant = items.filter((item) => isMendixEnvName(stringOf(item, 'name') ?? ''));
  const span = spanOf(container as Node);
  if (!span || !env) return undefined;
  const containerName = stringOf(container, 'name');
  const scope = newScope(ctx, `${resource} / container ${containerName ?? '?'}`, 'kubernetes', span, spanOf(env.key as Node) ?? span);
  for (const item of relevant) {
    const nameNode = valueOf(item, 'name') as Scalar;
    const keySpan = textSpanOf(nameNode, ctx.text);
    if (!keySpan) continue;
    const key = String(nameNode.value);
    const valueFrom = pairOf(item, 'valueFrom');
    const valueNode = valueOf(item, 'value');
    const entrySpan = spanOf(item as Node);
    if (valueFrom) {
      const from = spanOf(valueFrom.value as Node) ?? spanOf(valueFrom.key as Node);
      const value = { value: '', valueKind: 'secret-ref' as const, quoted: false, span: from && ctx.trimEnd(from) };
      readEnvEntry(ctx, scope, { key, keySpan, value, entrySpan: entrySpan && ctx.trimEnd(entrySpan) });
    } else {
      readEnvEntry(ctx, scope, {
        key,
        keySpan,
        value: yamlValue(ctx, valueNode, doc),
        mappedValue: isScalar(valueNode) ? () => mappedScalar(ctx.file, valueNode as Scalar) : undefined,
        entrySpan: entrySpan && ctx.trimEnd(entrySpan),
      });
    }
  }
  return scope;
}

export function readKubernetesDocument(ctx: ReadContext, doc: Document): Scope[] {
  const kind = stringOf(doc.contents, 'kind') ?? '';
  const name = stringOf(valueOf(doc.contents, 'metadata'), 'name');
  const resource = name ? `${kind} ${name}` : kind;
  if (kind === 'ConfigMap' || kind === 'Secret') {
    const data = pairOf(doc.contents, kind === 'ConfigMap' ? 'data' : 'stringData');
    const span = spanOf(doc.contents as Node);
    if (!data || !span || !hasMendixKey(data.value)) return [];
    const scope = newScope(ctx, resource, 'kubernetes', span, spanOf(data.key as Node) ?? span);
    readEnvMap(ctx, scope, data.value, doc);
    return [scope];
  }
  const pod = podSpec(kind, doc.contents);
  const scopes: Scope[] = [];
  for (const list of ['initContainers', 'containers']) {
    for (const container of seqItems(valueOf(pod, list))) {
      const scope = readContainer(ctx, doc, resource, container);
      if (scope) scopes.push(scope);
    }
  }
  return scopes;
}
