import { checkJavaRegex } from '../../../mm2/patterns/javaRegex';
import { regexLists } from './regexLists';
import type { PropertiesRule } from '../../types';

export const invalidTopicPattern: PropertiesRule = {
  meta: {
    id: 'invalid-topic-pattern',
    description: 'A topic or group filter element that is not a valid Java regular expression, often because MM2 split a regex on its comma.',
    defaultSeverity: 'error',
    fixable: false,
  },
  check({ config, report }) {
    for (const { property, items } of regexLists(config)) {
      for (let index = 0; index < items.length; index++) {
        const { item, range } = items[index];
        const error = checkJavaRegex(item);
        if (!error || !range) continue;
        const next = items[index + 1];
        const rejoined = next ? `${item},${next.item}` : undefined;
        const commaHazard = rejoined !== undefined && next?.range && !checkJavaRegex(rejoined);
        if (commaHazard) {
          report({
            message: `MM2 splits \`${property}\` on commas, so the regex \`${rejoined}\` becomes two broken patterns \`${item}\` and \`${next.item}\` and the connector fails with "${error.message}". Rewrite it without a comma (e.g. \`x{1,3}\` as \`x|xx|xxx\`, \`[a,b]\` as \`(a|b)\`).`,
            range: { start: range.start, end: next.range!.end },
          });
          index++;
          continue;
        }
        report({
          message: `\`${item}\` in \`${property}\` is not a valid Java regular expression: ${error.message} near index ${error.index}. MM2 joins the list with \`|\` and fails to start the connector on it.`,
          range,
        });
      }
    }
  },
};
