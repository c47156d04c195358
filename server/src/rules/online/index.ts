// The network (DNS) rules, as the registry lists them. The engine runs them (engine/online.ts)
// under the same policy as the offline rules.
import { onlineRules } from '../../registry/rules';

export type { OnlineRule } from '../../ruleKit/onlineRule';

/** the network rules, as the registry lists them */
export const ONLINE_RULES = onlineRules;
