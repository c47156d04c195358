// The network (DNS) rules and the one call that runs them for a file's mail settings.
// Offline findings never wait for this: callers publish those first and add these later.
import type { CheckOptions, MailSettings } from '../../core/settings';
import type { Finding, SuppressionComment } from '../../core/types';
import { configuredSeverity } from '../../engine/check';
import type { Unchecked } from '../../dns/domainExists';
import type { DnsResolver } from '../../dns/resolver';
import type { Report } from '../../ruleKit/rule';
import { createDnsFacts } from '../../ruleKit/dnsFacts';
import type { OnlineRule } from '../../ruleKit/onlineRule';
import { onlineRules } from '../../registry/rules';

export type { OnlineRule } from '../../ruleKit/onlineRule';

/** the network rules, as the registry lists them */
export const ONLINE_RULES = onlineRules;

/** Default time a file's DNS work may take (each query: 2.5 s, one retry). */
export const DEFAULT_DNS_BUDGET_MS = 6000;

export interface OnlineCheckContext {
  resolver: DnsResolver;
  /** Abort when the document changes or closes; lookups stop waiting at once. */
  signal?: AbortSignal;
  /** Time budget for the whole file; what is not answered by then is "could not check". */
  budgetMs?: number;
  /** false: do nothing and send no packet (setting / config `online: false`, untrusted workspace, `--offline`). */
  online?: boolean;
  /** The same options as checkDocument: configured severities (project file over editor), 'off' drops a rule. */
  options?: CheckOptions;
  /** The checked file: the `files` entries of the project config that match it set severities too. */
  path?: string;
  /** `# mendix-email-disable-next-line` comments of the file (ReadResult.suppressions). */
  suppressions?: SuppressionComment[];
}

export interface CouldNotCheck {
  name: string;
  type: string;
  reason: string;
}

export interface OnlineCheckResult {
  findings: Finding[];
  /** Lookups that timed out / failed: log them, show them in the status detail; never findings. */
  couldNotCheck: CouldNotCheck[];
  /** true when the budget ran out or the signal aborted before every answer came. */
  incomplete: boolean;
}

export async function checkOnline(settings: MailSettings[], context: OnlineCheckContext): Promise<OnlineCheckResult> {
  if (context.online === false || settings.length === 0) return { findings: [], couldNotCheck: [], incomplete: false };
  const configured = (id: string) => (context.options ? configuredSeverity(id, context.options, context.path) : undefined);
  const rules = ONLINE_RULES.filter((rule) => configured(rule.id) !== 'off');
  if (rules.length === 0) return { findings: [], couldNotCheck: [], incomplete: false };

  const budget = AbortSignal.timeout(context.budgetMs ?? DEFAULT_DNS_BUDGET_MS);
  const signal = context.signal ? AbortSignal.any([context.signal, budget]) : budget;
  const dns = createDnsFacts(context.resolver, { signal });
  const findings: Finding[] = [];
  const seen = new Set<string>();

  const runs = settings.flatMap((scope) =>
    rules.map((rule) =>
      rule
        .check({ settings: scope, dns, report: (report) => add(rule, report) })
        // A rule bug must not take the other rules' findings with it.
        .catch(() => undefined),
    ),
  );
  await Promise.all(runs);

  function add(rule: OnlineRule, report: Report) {
    const setting = configured(rule.id);
    const severity = setting && setting !== 'off' ? setting : (report.severity ?? rule.defaultSeverity);
    const line = report.range.start.line;
    // Same comment semantics as the engine: no ids = every rule.
    if (context.suppressions?.some((s) => s.line === line && (s.ruleIds.length === 0 || s.ruleIds.includes(rule.id)))) return;
    const key = `${rule.id} ${line}:${report.range.start.character} ${report.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push({ ruleId: rule.id, severity, range: report.range, message: report.message, ...(report.fixes ? { fixes: report.fixes } : {}) });
  }

  const order = new Map(ONLINE_RULES.map((r, i) => [r.id, i]));
  findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      order.get(a.ruleId)! - order.get(b.ruleId)!,
  );
  const couldNotCheck = dns.unchecked.map((u: Unchecked) => ({ name: u.name, type: u.type, reason: u.reason }));
  return { findings, couldNotCheck, incomplete: signal.aborted };
}
