import type { PropertiesRule } from '../../types';

export const documentSyntax: PropertiesRule = {
  meta: {
    id: 'document-syntax',
    description: 'A Kafka Connect JSON or Strimzi YAML file that its parser cannot read.',
    defaultSeverity: 'error',
    fixable: false,
    formats: ['connect-json', 'strimzi-yaml'],
  },
  check({ config, report }) {
    for (const problem of config.document.problems) report({ message: problem.message, range: problem.range });
  },
};
