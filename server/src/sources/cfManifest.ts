// Cloud Foundry manifest.yml: each entry of `applications` is a scope; its `env` map holds
// `MX_…` variables and `CONSTANTS` (see envVars.ts).
import type { Document, Node } from 'yaml';
import { isMap } from 'yaml';
import type { Scope } from '../core/types';
import type { ReadContext } from './context';
import { newScope } from './scopes';
import { readEnvMap } from './yamlEnv';
import { pairOf, seqItems, spanOf, stringOf } from './yamlNodes';

export function readCfManifestDocument(ctx: ReadContext, doc: Document): Scope[] {
  const scopes: Scope[] = [];
  for (const app of seqItems(pairOf(doc.contents, 'applications')?.value)) {
    if (!isMap(app)) continue;
    const span = spanOf(app as Node);
    if (!span) continue;
    const name = stringOf(app, 'name');
    const env = pairOf(app, 'env', doc);
    const anchor = spanOf((env?.key ?? pairOf(app, 'name')?.value ?? app) as Node) ?? span;
    const scope = newScope(ctx, name ? `application ${name}` : 'application', 'cf-manifest', span, anchor);
    readEnvMap(ctx, scope, env?.value, doc);
    scopes.push(scope);
  }
  return scopes;
}
