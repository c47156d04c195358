// `mendixEmail/fileInfo`: what the server made of one open document — its kind, its target
// and where that came from, the config file, and the mail settings of each scope. The
// language status item and the "explain target" quick pick show this. Password values
// never leave the server.
import { dirname, join } from 'node:path';
import type { Assignment } from '../core/types';
import { isSecret } from '../settings/secrets';
import { globForFile } from '../config/configGlobs';
import { PROJECT_CONFIG_FILE } from '../config/projectConfig';
import type { WorkspaceFolders } from './workspace';
import type { MailSettings, Role } from '../core/settings';
import { ROLES } from '../core/settings';
import type { FileInfo, RoleSummary, ScopeInfo } from '../../../protocol/messages';
import type { DocumentCheck } from './runCheck';

/** What the DNS side says about the file: whether its checks run, and what they could not check. */
export type OnlineInfo = Pick<FileInfo, 'online' | 'couldNotCheck'>;

/** The `.mendix-email.json` an entry for this file goes into: the one that applies, else a new one at the root of its workspace folder. */
export function configFileToEdit(check: DocumentCheck, folders: WorkspaceFolders): string {
  return check.projectConfig?.file ?? join(folders.rootOf(check.path) ?? dirname(check.path), PROJECT_CONFIG_FILE);
}

export function fileInfoOf(uri: string, check: DocumentCheck | undefined, online: OnlineInfo = {}, folders?: WorkspaceFolders): FileInfo {
  if (!check?.result || !check.target) return { uri, supported: false, scopes: [], findings: 0 };
  const { result, target, projectConfig } = check;
  const configFile = folders && uri.startsWith('file:') ? configFileToEdit(check, folders) : undefined;
  const glob = configFile && globForFile(check.path, configFile);
  return {
    uri,
    supported: true,
    kind: result.read.kind,
    target: target.target,
    targetSource: target.source,
    targetDetail: target.detail,
    configFile: projectConfig?.file,
    ...(configFile && glob !== undefined ? { override: { configFile, glob } } : {}),
    configProblems: projectConfig ? projectConfig.problems.length : undefined,
    directiveRange: result.read.targetDirective?.range,
    scopes: result.settings.map(scopeInfo),
    findings: result.findings.length,
    ...online,
  };
}

function scopeInfo(settings: MailSettings): ScopeInfo {
  const roles: RoleSummary[] = [];
  for (const role of ROLES) {
    const assignment = settings.roles[role];
    if (assignment) roles.push({ role, key: assignment.key, value: shownValue(isSecret(settings, assignment), assignment), range: assignment.valueRange });
  }
  return {
    name: settings.scope.name,
    range: settings.scope.range,
    target: settings.target.target,
    targetSource: settings.target.source,
    targetDetail: settings.target.detail,
    roles,
  };
}

function shownValue(secret: boolean, assignment: Assignment): string {
  if (assignment.valueKind === 'empty') return '(empty)';
  if (assignment.valueKind === 'secret-ref') return '(secret reference)';
  if (!secret) return assignment.value;
  return assignment.valueKind === 'reference' ? '(reference)' : '(set)';
}
