// docker-compose / compose files: each service is a scope. `environment` is a map or a
// `- KEY=value` list; `env_file` (string, list, or `{path}` entries) is recorded for the
// caller to read. Old version-1 files have the services at the top level.
import type { Document, Node, Pair } from 'yaml';
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Scope } from '../core/types';
import type { ReadContext } from './context';
import { newScope } from './scopes';
import { readEnvList, readEnvMap } from './yamlEnv';
import { keyText, pairOf, pairSpan, spanOf, textSpanOf, valueOf } from './yamlNodes';

const SERVICE_KEYS = ['image', 'build', 'environment', 'env_file'];

/** A map that looks like a compose service (for version-1 files without `services:`). */
export function looksLikeService(value: unknown): boolean {
  return isMap(value) && SERVICE_KEYS.some((k) => pairOf(value, k) !== undefined);
}

function envFiles(ctx: ReadContext, value: unknown): Scope['envFiles'] {
  const entries = isSeq(value) ? value.items : [value];
  const files: NonNullable<Scope['envFiles']> = [];
  for (const entry of entries) {
    const node = isMap(entry) ? valueOf(entry, 'path') : entry;
    if (!isScalar(node) || typeof node.value !== 'string') continue;
    const span = textSpanOf(node, ctx.text);
    if (span) files.push({ path: node.value, range: ctx.range(span) });
  }
  return files;
}

function readService(ctx: ReadContext, doc: Document, pair: Pair<unknown, unknown>): Scope | undefined {
  const name = keyText(pair);
  const span = pairSpan(pair, ctx);
  if (name === undefined || !span || !isMap(pair.value)) return undefined;
  const environment = pairOf(pair.value, 'environment');
  const anchor = spanOf((environment?.key ?? pair.key) as Node) ?? span;
  const scope = newScope(ctx, `service ${name}`, 'compose', span, anchor);
  const envFile = pairOf(pair.value, 'env_file');
  if (envFile) scope.envFiles = envFiles(ctx, envFile.value);
  if (environment) {
    if (isSeq(environment.value)) readEnvList(ctx, scope, environment.value);
    else readEnvMap(ctx, scope, environment.value, doc);
  }
  return scope;
}

export function readComposeDocument(ctx: ReadContext, doc: Document): Scope[] {
  const services = pairOf(doc.contents, 'services');
  const holder = services ? services.value : doc.contents;
  if (!isMap(holder)) return [];
  const scopes: Scope[] = [];
  for (const pair of holder.items) {
    if (!isPair(pair)) continue;
    if (!services && !looksLikeService(pair.value)) continue;
    const scope = readService(ctx, doc, pair);
    if (scope) scopes.push(scope);
  }
  return scopes;
}
