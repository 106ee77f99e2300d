import type { PropertiesRule } from './types';

export const jsonSyntax: PropertiesRule = {
  meta: {
    id: 'json-syntax',
    description: 'A Kafka Connect connector config that is not valid JSON.',
    defaultSeverity: 'error',
    fixable: false,
    formats: ['connect-json'],
  },
  check({ config, report }) {
    for (const problem of config.document.problems) report({ message: problem.message, range: problem.range });
  },
};
