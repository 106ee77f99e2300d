import type { PropertiesRule } from '../../types';

export const propertiesSyntax: PropertiesRule = {
  meta: {
    id: 'properties-syntax',
    description: 'Text that java.util.Properties cannot load, such as a malformed `\\uXXXX` escape.',
    defaultSeverity: 'error',
    fixable: false,
    formats: ['properties'],
  },
  check({ config, report }) {
    for (const problem of config.document.problems) report({ message: problem.message, range: problem.range });
  },
};
