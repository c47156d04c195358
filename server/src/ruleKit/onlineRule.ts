// The shape of a network rule: the same metadata as the offline rules (rule.ts), and an
// async check per scope that asks DNS through shared, memoised facts.
import type { MailSettings } from '../core/settings';
import type { Report, RuleHeader } from './rule';
import type { DnsFacts } from './dnsFacts';

export interface OnlineRuleContext {
  settings: MailSettings;
  dns: DnsFacts;
  report(report: Report): void;
}

export interface OnlineRule extends RuleHeader {
  needsNetwork: true;
  check(context: OnlineRuleContext): Promise<void>;
}
