// Server side of `mendixEmail/mailSettings`: the mail settings of each scope of a document,
// ready for a test send in the client, with a literal password replaced by its location.
import type { CheckResult } from '../core/settings';
import type { Assignment } from '../core/types';
import { MailSettingsRequest, type MailScope, type MailSettingsParams, type MailSettingsResult, type WirePassword } from '../../../protocol/mailSettings';
import { contains, mailScopes } from '../smtp/scopes';
import { smtpSettingsFrom } from '../smtp/settings';

/** The part of a vscode-languageserver Connection this needs (so tests can pass a stand-in). */
export interface RequestConnection {
  onRequest(method: string, handler: (params: MailSettingsParams) => Promise<MailSettingsResult>): unknown;
}

export type GetDocumentCheck = (uri: string) => CheckResult | undefined | Promise<CheckResult | undefined>;

function wirePassword(uri: string, a: Assignment | undefined, text: string | undefined): WirePassword {
  if (!a) return { kind: 'missing', written: '' };
  if (a.valueKind !== 'literal' || a.value === '') return { kind: a.valueKind === 'literal' ? 'empty' : a.valueKind, written: a.value || a.key };
  let quote: '"' | "'" | undefined;
  if (a.quoted && text !== undefined && !a.fromFile) {
    const lines = text.split('\n');
    const c = lines[a.valueRange.start.line]?.[a.valueRange.start.character - 1];
    if (c === '"' || c === "'") quote = c;
  } else if (a.quoted) quote = '"';
  return { kind: 'literal', range: a.valueRange, ...(a.fromFile ? { fromFile: a.fromFile } : { uri }), ...(quote ? { quote } : {}) };
}

/** Pure: the response for one document's check result (the document text finds the quote character). */
export function mailSettingsResponse(uri: string, result: CheckResult | undefined, params: MailSettingsParams, text?: string): MailSettingsResult {
  if (!result) return { supported: false, scopes: [] };
  const scopes: MailScope[] = mailScopes(result).map((mail) => {
    const { password: _secret, ...settings } = smtpSettingsFrom(mail);
    return {
      name: mail.scope.name,
      range: mail.scope.range,
      atCursor: params.position ? contains(mail.scope.range, params.position) : false,
      settings: { ...settings, password: wirePassword(uri, mail.roles.password, text) },
    };
  });
  return { supported: true, scopes };
}

export function registerMailSettingsRequest(
  connection: RequestConnection,
  getDocumentCheck: GetDocumentCheck,
  getDocumentText?: (uri: string) => string | undefined,
): void {
  connection.onRequest(MailSettingsRequest, async (params: MailSettingsParams): Promise<MailSettingsResult> => {
    const uri = typeof params?.uri === 'string' ? params.uri : '';
    try {
      return mailSettingsResponse(uri, await getDocumentCheck(uri), params ?? { uri }, getDocumentText?.(uri));
    } catch {
      return { supported: false, scopes: [] };
    }
  });
}
