// A YAML file, document by document (`---`): each document is classified on its own (a
// file may hold a MendixApp and a Deployment) and read by the reader for its kind. A YAML
// file in which no document is a Mendix settings document is not ours (undefined).
import type { Document } from 'yaml';
import type { FileKind, Scope } from '../core/types';
import { readCfManifestDocument } from './cfManifest';
import { looksLikeService, readComposeDocument } from './compose';
import type { ReadContext } from './context';
import { readKubernetesDocument } from './kubernetes';
import { readM2eeDocument } from './m2ee';
import { isMendixAppDocument, readMendixAppDocument } from './mendixApp';
import { pairOf, stringOf } from './yamlNodes';
import { parseYamlDocuments } from './yamlReparse';
import { isMap, isSeq } from 'yaml';

export interface YamlReadResult {
  kind: FileKind;
  scopes: Scope[];
}

function classify(doc: Document, kindByName: FileKind | undefined): FileKind | undefined {
  const contents = doc.contents;
  if (!isMap(contents)) return undefined;
  if (isMendixAppDocument(doc)) return 'mendix-app';
  if (pairOf(contents, 'mxruntime')) return 'm2ee';
  if (isSeq(pairOf(contents, 'applications')?.value)) return 'cf-manifest';
  if (isMap(pairOf(contents, 'services')?.value)) return 'compose';
  if (stringOf(contents, 'apiVersion') && stringOf(contents, 'kind')) return 'kubernetes';
  if (kindByName === 'compose' && contents.items.some((p) => looksLikeService(p.value))) return 'compose';
  return undefined;
}

const READERS: Partial<Record<FileKind, (ctx: ReadContext, doc: Document) => Scope[]>> = {
  'mendix-app': readMendixAppDocument,
  m2ee: readM2eeDocument,
  'cf-manifest': readCfManifestDocument,
  compose: readComposeDocument,
  kubernetes: readKubernetesDocument,
};

/** Kind guessed from the raw text, for a file too broken to classify by its documents. */
function kindFromRawText(text: string): FileKind | undefined {
  if (/^kind:[ \t]*["']?MendixApp\b/m.test(text) && /privatecloud\.mendix\.com\//.test(text)) return 'mendix-app';
  if (/^mxruntime[ \t]*:/m.test(text)) return 'm2ee';
  if (/^applications[ \t]*:/m.test(text)) return 'cf-manifest';
  if (/^services[ \t]*:/m.test(text)) return 'compose';
  return undefined;
}

/**
 * The yaml library's message without position (the range says it) and without any piece of
 * the file it quotes: the quoted text could be a password.
 */
export function describeYamlError(raw: string): string {
  // the yaml parser recurses per nested collection and reports its own stack overflow (from ~400 deep)
  if (/Maximum call stack size exceeded/.test(raw)) return 'collections nested too deep to read (hundreds of levels); the part from here is not read';
  let message = raw.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const quoted = message.search(/: ["']/);
  if (quoted >= 0) message = message.slice(0, quoted);
  if (message.startsWith('Block scalar header includes extra characters')) message = 'Block scalar header includes extra characters';
  return message.replace(/[.:\s]+$/, '');
}

/** Words one of which every Mendix settings document contains; without any, no need to parse. */
const MENDIX_MARKERS = /mxruntime|applications|services|MendixApp|MX_|CONSTANTS|DTAP_MODE/;

export function readYamlFile(ctx: ReadContext, kindByName: FileKind | undefined): YamlReadResult | undefined {
  // random YAML (CI workflows, Helm values…) is common in a workspace: skip it without parsing
  if (!kindByName && !MENDIX_MARKERS.test(ctx.text)) return undefined;
  // after a one-line edit of a big file only that line is parsed again (yamlReparse.ts)
  const list: Document[] = parseYamlDocuments(ctx.text, ctx.parses && { cache: ctx.parses, key: ctx.path });
  ctx.yamlDocuments = list;
  const kinds: FileKind[] = [];
  const scopes: Scope[] = [];
  let recognised = kindByName === 'm2ee' || kindByName === 'compose';
  for (const doc of list) {
    const kind = classify(doc, kindByName);
    if (!kind) continue;
    const found = READERS[kind]?.(ctx, doc) ?? [];
    // a Kubernetes resource counts only when it carries Mendix variables
    if (kind !== 'kubernetes' || found.length) {
      kinds.push(kind);
      recognised = true;
    }
    scopes.push(...found);
  }
  const firstError = list
    .flatMap((d) => d.errors)
    .reduce<{ pos: [number, number]; message: string } | undefined>(
      (first, e) => (!first || e.pos[0] < first.pos[0] ? e : first),
      undefined,
    );
  let kind: FileKind | undefined = kinds.includes('mendix-app') ? 'mendix-app' : kinds[0] ?? kindByName;
  if (firstError && !recognised) {
    kind = kindFromRawText(ctx.text);
    recognised = kind !== undefined;
  }
  if (!recognised || !kind) return undefined;
  // a template (Helm, Jinja: `{{ … }}`) is not YAML until it is rendered: no syntax error
  const isTemplate = ctx.text.includes('{{');
  if (firstError && !isTemplate) {
    const [start, end] = firstError.pos;
    const message = describeYamlError(firstError.message);
    ctx.syntaxError(
      [start, Math.max(end, start)],
      `YAML syntax error: ${message}. The rest of the file is checked where it can be read.`,
    );
  }
  return { kind, scopes };
}
