// SARIF 2.1.0 as GitHub code scanning reads it: every rule in tool.driver.rules with a short
// and full description, help text and a helpUri; results point at the rule by id and index,
// with a file path relative to %SRCROOT% (the working directory) and a 1-based region.
import { escapeControlsInJson } from '../../core/visibleText';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../../core/types';
import type { Report, RuleInfo } from '../report';
import { REPOSITORY_URL } from '../../core/links';

type SarifLevel = 'error' | 'warning' | 'note';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

export function formatSarif(report: Report): string {
  const rules = rulesInUse(report);
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));

  const results = report.findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: ruleIndex.get(f.ruleId),
    level: sarifLevel(f.severity),
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactOf(f.file),
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
        // a Mendix Cloud environment has no file in the repository: the location names the constant
        ...(f.constant !== undefined ? { message: { text: `${f.constant} in ${f.file}` } } : {}),
      },
    ],
  }));

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mendix-email',
            informationUri: REPOSITORY_URL,
            version: report.toolVersion,
            semanticVersion: report.toolVersion,
            rules: rules.map(describeRule),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: directoryUri(report.cwd) } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: report.problems.length === 0,
            toolExecutionNotifications: report.problems.map((p) => ({
              level: 'error',
              message: { text: `${p.file}: ${p.message}` },
              locations: [{ physicalLocation: { artifactLocation: artifactOf(p.file) } }],
            })),
          },
        ],
        results,
      },
    ],
  };
  return `${escapeControlsInJson(JSON.stringify(log, null, 2))}\n`;
}

/** Every known rule, plus any id a finding carries that the catalog lacks (so ruleIndex always resolves). */
function rulesInUse(report: Report): RuleInfo[] {
  const rules = [...report.rules];
  const known = new Set(rules.map((r) => r.id));
  for (const finding of report.findings) {
    if (known.has(finding.ruleId)) continue;
    known.add(finding.ruleId);
    rules.push({ id: finding.ruleId, defaultSeverity: finding.severity, description: finding.ruleId });
  }
  return rules;
}

function describeRule(rule: RuleInfo) {
  const link = rule.helpUri ? `\n\nSee ${rule.helpUri}` : '';
  const helpText = `${rule.description}${link}`;
  const helpMarkdown = rule.helpMarkdown ?? (rule.helpUri ? `${rule.description}\n\n[Documentation](${rule.helpUri})` : rule.description);
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: firstSentence(rule.description) },
    fullDescription: { text: rule.description },
    ...(rule.helpUri ? { helpUri: rule.helpUri } : {}),
    help: { text: helpText, markdown: helpMarkdown },
    defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
    properties: { tags: ['mendix', 'email'] },
  };
}

function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(\s|$)/s.exec(text);
  return (match ? match[1] : text).replace(/\s+/g, ' ');
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

/** A file relative to %SRCROOT%, or a Mendix Cloud environment's own absolute URI. */
function artifactOf(file: string): { uri: string; uriBaseId?: string } {
  if (file.startsWith('mendix-cloud://')) return { uri: file };
  return { uri: encodeRelativeUri(file), uriBaseId: '%SRCROOT%' };
}

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function encodeRelativeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function directoryUri(dir: string): string {
  const uri = pathToFileURL(dir).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}
