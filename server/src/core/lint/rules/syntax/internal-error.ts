import type { RuleMeta } from '../../../base/rule';

export const INTERNAL_ERROR = 'internal-error';

/** Reported by the lint engine when a rule throws: the other rules' findings stay, the stack goes to the log. */
export const internalError: { meta: RuleMeta } = {
  meta: {
    id: INTERNAL_ERROR,
    group: 'syntax',
    description: 'A MirrorLint rule failed on a file: a bug in MirrorLint, not in the file. The other rules still ran.',
    defaultSeverity: 'error',
    fixable: false,
    messages: { failed: 'MirrorLint rule `{{rule}}` failed on this file: {{error}}. Please report it.' },
  },
};
