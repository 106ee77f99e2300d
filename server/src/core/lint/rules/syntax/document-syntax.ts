import type { FileRule } from '../../types';

export const documentSyntax: FileRule = {
  kind: 'file',
  meta: {
    id: 'document-syntax',
    group: 'syntax',
    description: 'A Kafka Connect JSON or YAML file (Strimzi, declarations, .mirrorlint.yaml) that its parser cannot read.',
    defaultSeverity: 'error',
    fixable: false,
    messages: { problem: '{{problem}}' },
  },
  check({ file, report }) {
    if (file.syntax === 'properties') return;
    for (const problem of file.problems) report({ messageId: 'problem', data: { problem: problem.message }, range: problem.range });
  },
};
