import type { FileRule } from '../../types';

export const propertiesSyntax: FileRule = {
  kind: 'file',
  meta: {
    id: 'properties-syntax',
    group: 'syntax',
    description: 'Text that java.util.Properties cannot load, such as a malformed `\\uXXXX` escape.',
    defaultSeverity: 'error',
    fixable: false,
    messages: { problem: '{{problem}}' },
  },
  check({ file, report }) {
    if (file.syntax !== 'properties') return;
    for (const problem of file.problems) report({ messageId: 'problem', data: { problem: problem.message }, range: problem.range });
  },
};
