// docker-compose / compose files: each service is a scope. `environment` is a map or a
// `- KEY=value` list; `env_file` (string, list, or `{path}` entries) is recorded for the
// caller to read. Old version-1 files have the services at the top level.
import type { Document, Node, Pair } from 'yaml';
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Scope } from '../core/types';
import type { ReadContext } from './context';
import { newScope } from './scopes';
import { readEnvList, readEnvMap } from './yamlEnv';
import { keyText, pairOf, pairSpan, resolved, spanOf, textSpanOf, valueOf } from './yamlNodes';

const SERVICE_KEYS = ['image', 'build', 'environment', 'env_file'];

/** A map that looks like a compose service (for version-1 files without `services:`). */
export function looksLikeService(value: unknown): boolean {
  return isMap(value) && SERVICE_KEYS.some((k) => pairOf(value, k) !== undefined);
}

function envFiles(ctx: ReadContext, value: unknown, doc: Document): Scope['envFiles'] {
  const entries = isSeq(value) ? value.items : [value];
  const files: NonNullable<Scope['envFiles']> = [];
  for (const item of entries) {
    const entry = resolved(item, doc);
    const node = isMap(entry) ? valueOf(entry, 'path', doc) : entry;
    if (!isScalar(node) || typeof node.value !== 'string') continue;
    const span = textSpanOf(node, ctx.text);
    if (span) files.push({ path: node.value, range: ctx.range(span) });
  }
  return files;
}

function readService(ctx: ReadContext, doc: Document, pair: Pair<unknown, unknown>): Scope | undefined {
  const name = keyText(pair);
  const span = pairSpan(pair, ctx);
  const service = resolved(pair.value, doc);
  if (name === undefined || !span || !isMap(service)) return undefined;
  // `<<: *defaults` and `environment: *common` are followed (compose files use anchors a lot)
  const environment = pairOf(service, 'environment', doc);
  const anchor = spanOf((environment?.key ?? pair.key) as Node) ?? span;
  const scope = newScope(ctx, `service ${name}`, 'compose', span, anchor);
  const envFile = pairOf(service, 'env_file', doc);
  if (envFile) scope.envFiles = envFiles(ctx, resolved(envFile.value, doc), doc);
  if (environment) {
    const value = resolved(environment.value, doc);
    if (isSeq(value)) readEnvList(ctx, scope, value, doc);
    else readEnvMap(ctx, scope, value, doc, true);
  }
  return scope;
}

export function readComposeDocument(ctx: ReadContext, doc: Document): Scope[] {
  const services = pairOf(doc.contents, 'services');
  const holder = services ? resolved(services.value, doc) : doc.contents;
  if (!isMap(holder)) return [];
  const scopes: Scope[] = [];
  for (const pair of holder.items) {
    if (!isPair(pair)) continue;
    if (!services && !looksLikeService(resolved(pair.value, doc))) continue;
    const scope = readService(ctx, doc, pair);
    if (scope) scopes.push(scope);
  }
  return scopes;
}
