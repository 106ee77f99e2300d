import { UNUSED_SUPPRESSION } from '../../suppressions';
import type { RuleMeta } from '../../types';

/**
 * Reported by the suppression pass (core/suppressions.ts) after every other rule has run, since only
 * then is it known which comments silenced something; it has metadata like any rule.
 */
export const unusedSuppression: { meta: RuleMeta } = {
  meta: {
    id: UNUSED_SUPPRESSION,
    description: 'A `mirrorlint-disable` comment that suppresses nothing, or names a rule that does not exist.',
    defaultSeverity: 'warning',
    fixable: true,
  },
};
