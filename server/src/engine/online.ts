// The DNS rules over a prepared file (prepare(), or the check's result, which carries what it
// prepared), under the same policy as the offline ones (engine/policy.ts: severity layers,
// disable comments, de-duplication, order). Offline findings never wait for this: callers
// publish those first and merge these in later (policy.ts mergeFindings).
import type { CheckOptions } from '../core/settings';
import type { Finding } from '../core/types';
import type { DnsResolver } from '../dns/resolver';
import type { Report } from '../ruleKit/rule';
import { onlineRules as ONLINE_RULES } from '../registry/rules';
import type { OnlineRule } from '../ruleKit/onlineRule';
import { createDnsFacts } from '../ruleKit/dnsFacts';
import { applyPolicy, configuredSeverity, severityOf } from './policy';
import type { Prepared } from './prepare';

/**
 * What the DNS rules read of a prepared file: its path (the project config's `files` entries
 * that match it set severities), its mail settings and its disable comments. prepare()'s result
 * and the check's both are one; a front end that keeps many files for later (the CLI) may keep
 * just these.
 */
export type OnlineInput = Pick<Prepared, 'path' | 'settings'> & { read: Pick<Prepared['read'], 'suppressions'> };

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
  /** The same options as the offline check: its severity layers apply ('off' drops a rule). */
  options?: CheckOptions;
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

export async function checkOnline(prepared: OnlineInput, context: OnlineCheckContext): Promise<OnlineCheckResult> {
  const { path, settings } = prepared;
  if (context.online === false || settings.length === 0) return { findings: [], couldNotCheck: [], incomplete: false };
  const options = context.options ?? {};
  const severities = new Map(ONLINE_RULES.map((rule) => [rule.id, configuredSeverity(rule.id, options, path)]));
  const rules = ONLINE_RULES.filter((rule) => severities.get(rule.id) !== 'off');
  if (rules.length === 0) return { findings: [], couldNotCheck: [], incomplete: false };

  const budget = AbortSignal.timeout(context.budgetMs ?? DEFAULT_DNS_BUDGET_MS);
  const signal = context.signal ? AbortSignal.any([context.signal, budget]) : budget;
  const dns = createDnsFacts(context.resolver, { signal });
  const findings: Finding[] = [];
  const add = (rule: OnlineRule, report: Report) =>
    findings.push({
      ruleId: rule.id,
      severity: severityOf(severities.get(rule.id), report.severity, rule.defaultSeverity),
      range: report.range,
      message: report.message,
      ...(report.fixes ? { fixes: report.fixes } : {}),
    });

  await Promise.all(
    settings.flatMap((scope) =>
      rules.map((rule) =>
        rule
          .check({ settings: scope, dns, report: (report) => add(rule, report) })
          // A rule bug must not take the other rules' findings with it.
          .catch(() => undefined),
      ),
    ),
  );
  const couldNotCheck = dns.unchecked.map((u) => ({ name: u.name, type: u.type, reason: u.reason }));
  return { findings: applyPolicy(findings, prepared.read.suppressions), couldNotCheck, incomplete: signal.aborted };
}
