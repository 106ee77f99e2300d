import type { Mm2Rule } from '../../types';

export const unresolvedValue: Mm2Rule = {
  kind: 'mm2',
  modes: ['aiven'],
  meta: {
    id: 'unresolved-value',
    group: 'properties',
    description: 'A Terraform argument MirrorLint cannot resolve (a variable without default, a computed attribute, a function): the flow it belongs to is not checked, rather than checked against a guess.',
    defaultSeverity: 'info',
    fixable: false,
    messages: {
      flow: '`{{name}}` cannot be resolved, so flow {{flow}} is not checked.',
      service: '`{{name}}` cannot be resolved, so the flows of this MirrorMaker service are not checked.',
      other: '`{{name}}` cannot be resolved, so MirrorLint does not read it.',
    },
  },
  check({ mm2, report }) {
    for (const argument of mm2.terraform?.unresolved ?? []) {
      const messageId = argument.flow ? 'flow' : argument.name === 'cluster_alias' || argument.name.endsWith('_cluster') ? 'other' : 'service';
      report({ messageId, data: { name: argument.name, flow: argument.flow ?? '' }, range: argument.range });
    }
  },
};
