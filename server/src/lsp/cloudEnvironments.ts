// The server's part of the Mendix Cloud view: the client fetches an environment's settings
// (the extension host's fetch follows VS Code's proxy) and the server renders and checks them
// with the same readers, rules and editor settings as any open settings file. Fixes in an
// environment's document are written back by the client; the server tells it which constants
// a fix changes, by reading the text before and after with the same reader.
import type { Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { settingsOf } from '../cloud/api';
import { renderEnvironment } from '../cloud/render';
import { parseCloudDocumentUri } from '../cloud/uri';
import { MASK } from '../cloud/secrets';
import type { Assignment } from '../core/types';
import { roleByName, splitConstantName } from '../settings/roles';
import type { SettingsStore } from './clientSettings';
import {
  CloudChangesRequest,
  CloudEnvironmentRequest,
  type CloudChangesParams,
  type CloudChangesResult,
  type CloudEnvironmentParams,
  type CloudEnvironmentResult,
} from '../../../protocol/messages';
import { runCheck, type CheckEnvironment } from './runCheck';

export function registerCloudRequests(connection: Connection, settings: SettingsStore, env: CheckEnvironment): void {
  connection.onRequest(CloudEnvironmentRequest, async (params: CloudEnvironmentParams): Promise<CloudEnvironmentResult> => {
    const answer = settingsOf(params?.settings);
    if (typeof params?.appId !== 'string' || typeof params.mode !== 'string' || !answer) {
      throw new Error('not the settings of a Mendix Cloud environment');
    }
    const rendered = renderEnvironment(params.appId, { Mode: params.mode, Production: params.production === true }, answer);
    const counts = { error: 0, warning: 0, info: 0, hint: 0 };
    const check = runCheck(TextDocument.create(rendered.uri, 'yaml', 0, rendered.text), await settings.for(rendered.uri), env);
    for (const finding of check.result?.findings ?? []) counts[finding.severity]++;
    return { uri: rendered.uri, text: rendered.text, counts, passwordConstants: passwordConstants(answer.Constants) };
  });

  connection.onRequest(CloudChangesRequest, (params: CloudChangesParams): CloudChangesResult => {
    if (!parseCloudDocumentUri(params?.uri ?? '') || typeof params.before !== 'string' || typeof params.after !== 'string') {
      throw new Error('not a Mendix Cloud environment document');
    }
    return changedConstants(params.uri, params.before, params.after, env);
  });
}

/** Each password constant with the SMTP host its module sets: the client takes the test send's password from the API's answer by it. */
function passwordConstants(constants: { Name: string; Value: string }[]): CloudEnvironmentResult['passwordConstants'] {
  const hostOf = new Map(constants.filter((c) => roleByName(c.Name) === 'host').map((c) => [splitConstantName(c.Name).module, c.Value.trim()]));
  return constants.filter((c) => roleByName(c.Name) === 'password').map((c) => ({ name: c.Name, host: hostOf.get(splitConstantName(c.Name).module) }));
}

/** Which constants' values differ between two texts of an environment's document. */
export function changedConstants(uri: string, before: string, after: string, env: CheckEnvironment): CloudChangesResult {
  const read = (text: string) => {
    const check = runCheck(TextDocument.create(uri, 'yaml', 0, text), { rules: {}, online: false, dns: { servers: [] } }, env);
    const values = new Map<string, Assignment>();
    for (const s of check.result?.read.scopes ?? []) for (const a of s.assignments) if (a.fromFile === undefined) values.set(a.name, a);
    return values;
  };
  const old = read(before);
  const now = read(after);
  const changes: CloudChangesResult['changes'] = [];
  const refused: string[] = [];
  for (const [name, a] of now) {
    const was = old.get(name);
    if (!was) {
      refused.push(`${name} is not a constant of this environment (a fix cannot add one)`);
      continue;
    }
    if (was.value === a.value) continue;
    if (was.value === MASK || a.value === MASK) refused.push(`${name} is a secret: change it in the Developer Portal`);
    else changes.push({ name, from: was.value, to: a.value });
  }
  for (const name of old.keys()) if (!now.has(name)) refused.push(`${name} would be removed (the Deploy API cannot remove a constant)`);
  return { changes, refused };
}
