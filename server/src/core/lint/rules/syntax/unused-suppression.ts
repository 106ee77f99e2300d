import type { RuleMeta } from '../../../base/rule';

export const UNUSED_SUPPRESSION = 'unused-suppression';

/**
 * Reported by the suppression pass (lint/suppressions.ts) after every other rule has run, since only
 * then is it known which comments silenced something; it has metadata like any rule.
 */
export const unusedSuppression: { meta: RuleMeta } = {
  meta: {
    id: UNUSED_SUPPRESSION,
    group: 'syntax',
    description: 'A `mirrorlint-disable` comment that suppresses nothing, or names a rule that does not exist.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      nothing: 'This `mirrorlint-{{kind}}` comment suppresses nothing{{where}}: remove it.',
      unused: '`{{rule}}` reports nothing {{where}}, so this suppression is unused: remove it.',
      unknown: '`{{rule}}` is not a MirrorLint rule, so this suppression does nothing.',
    },
  },
};
