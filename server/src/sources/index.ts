// The readers' front door: file text → ReadResult (scopes of constant assignments with
// exact ranges, declarations, reader problems, comments), or undefined when the file is not
// a Mendix settings file. Never throws: bad input becomes one problem.
import type { ParseCache } from '../core/parseCache';
import type { FileKind, ReadResult, Scope } from '../core/types';
import { readComments } from './comments';
import { ReadContext } from './context';
import { FILE_KINDS, FILE_KIND_NAMES } from '../core/fileKinds';
import { baseName, classifyByName, type NameClass } from './detect';
import { looksLikeConstantsJava, readConstantsJava } from './constantsJava';
import { readDotenvFile } from './dotenv';
import { readConfigJson, readMetadataJson } from './modelJson';
import { readYamlFile } from './yamlFile';
import { looksLikeCloudDocument, readMendixCloudDocument } from './mendixCloud';

export { LineIndex, offsetAt, textOfRange } from './text';
export { constantNameForEnvVar, constantNameCandidates } from './envVars';

/** Files above this size are not parsed: one problem says so (keeps the server responsive). */
export const MAX_TEXT_LENGTH = 8 * 1024 * 1024;

/** The kind a name says: for every reader but YAML's, the one kind it reads. */
function kindByName(byName: NameClass): FileKind | undefined {
  return byName.reader === 'yaml' ? byName.kind : FILE_KIND_NAMES.find((kind) => FILE_KINDS[kind].reader === byName.reader);
}

function emptyResult(kind: FileKind, ctx: ReadContext): ReadResult {
  return { kind, scopes: [], declarations: [], problems: ctx.problems, suppressions: [] };
}

/** true when the text looks binary (NUL in the first 8000 characters, as git decides). */
function looksBinary(text: string): boolean {
  return text.slice(0, 8000).includes('\0');
}

function read(path: string, text: string, byName: NameClass, parses: ParseCache | undefined): ReadResult | undefined {
  const nameKind = kindByName(byName);
  if (looksBinary(text) || text.length > MAX_TEXT_LENGTH) {
    if (!nameKind) return undefined;
    // the problem sits at 0:0, so no line index of the whole text is needed
    const ctx = new ReadContext(path, '');
    const mb = (text.length / 1024 / 1024).toFixed(1);
    ctx.syntaxError(
      [0, 0],
      looksBinary(text)
        ? 'This is not a text file (it contains NUL bytes), so it cannot be checked.'
        : `This file is too large to check (${mb} MB; the limit is ${MAX_TEXT_LENGTH / 1024 / 1024} MB).`,
    );
    return emptyResult(nameKind, ctx);
  }
  const ctx = new ReadContext(path, text, parses);
  let kind: FileKind;
  let scopes: Scope[] = [];
  let declarations: ReadResult['declarations'] = [];
  // a JSON file in a `model/` folder is taken as what its name says even when it is broken
  const inModelFolder = /(^|[\\/])model[\\/][^\\/]+$/.test(path);
  // a rendered Mendix Cloud environment saved or opened under another name is still one
  const reader = byName.reader === 'yaml' && !byName.kind && looksLikeCloudDocument(text) ? 'mendix-cloud' : byName.reader;
  switch (reader) {
    case 'mendix-cloud':
      kind = 'mendix-cloud';
      scopes = readMendixCloudDocument(ctx);
      break;
    case 'yaml': {
      const result = readYamlFile(ctx, byName.reader === 'yaml' ? byName.kind : undefined);
      if (!result) return undefined;
      ({ kind, scopes } = result);
      break;
    }
    case 'dotenv':
      kind = 'dotenv';
      scopes = [readDotenvFile(ctx, baseName(path))];
      break;
    case 'metadata-json': {
      const result = readMetadataJson(ctx, !inModelFolder);
      if (!result) return undefined;
      kind = 'metadata-json';
      ({ scopes, declarations } = result);
      break;
    }
    case 'config-json': {
      const result = readConfigJson(ctx, !inModelFolder);
      if (!result) return undefined;
      kind = 'config-json';
      ({ scopes, declarations } = result);
      break;
    }
    case 'constants-java':
      if (!looksLikeConstantsJava(text)) return undefined;
      kind = 'constants-java';
      declarations = readConstantsJava(ctx);
      break;
  }
  return { kind, scopes, declarations, problems: ctx.problems, ...readComments(ctx, kind) };
}

/**
 * Read a Mendix settings file. `languageId` is the editor's hint (a `.yaml`-less file the
 * editor calls `yaml`); names and content decide. undefined = not a Mendix settings file.
 * `parses`: the caller's cache, where the parse is kept for the next read of the same path
 * (core/parseCache.ts); without one nothing is kept.
 */
export function readSettingsFile(path: string, text: string, languageId?: string, parses?: ParseCache): ReadResult | undefined {
  const byName = classifyByName(path, languageId);
  if (!byName) return undefined;
  try {
    return read(path, text, byName, parses);
  } catch (error) {
    // A reader bug must not take the server down; say the file could not be read.
    const kind = kindByName(byName);
    if (!kind) return undefined;
    const ctx = new ReadContext(path, '');
    const why = error instanceof RangeError ? 'RangeError: it nests too deep for the parser' : error instanceof Error ? error.name : 'error';
    ctx.syntaxError([0, 0], `This file could not be read (${why}).`);
    return emptyResult(kind, ctx);
  }
}

/** The kind of settings file, or undefined when it is not one. */
export function detectFileKind(path: string, text: string, languageId?: string): FileKind | undefined {
  return readSettingsFile(path, text, languageId)?.kind;
}
