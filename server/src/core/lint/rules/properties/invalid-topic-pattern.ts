import { checkJavaRegex } from '../../../mm2/patterns/javaRegex';
import { regexLists } from './regexLists';
import type { Mm2Rule } from '../../types';

export const invalidTopicPattern: Mm2Rule = {
  kind: 'mm2',
  meta: {
    id: 'invalid-topic-pattern',
    group: 'properties',
    description: 'A topic or group filter element that is not a valid Java regular expression, often because MM2 split a regex on its comma.',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      commaSplit: 'MM2 splits `{{property}}` on commas, so the regex `{{rejoined}}` becomes two broken patterns `{{first}}` and `{{second}}` and the connector fails with "{{error}}". Rewrite it without a comma (e.g. `x{1,3}` as `x|xx|xxx`, `[a,b]` as `(a|b)`).',
      invalid: '`{{item}}` in `{{property}}` is not a valid Java regular expression: {{error}} near index {{index}}. MM2 joins the list with `|` and fails to start the connector on it.',
    },
  },
  check({ mm2, report }) {
    for (const { property, items } of regexLists(mm2)) {
      for (let index = 0; index < items.length; index++) {
        const { item, range } = items[index];
        const error = checkJavaRegex(item);
        if (!error || !range) continue;
        const next = items[index + 1];
        const rejoined = next ? `${item},${next.item}` : undefined;
        const commaHazard = rejoined !== undefined && next?.range && !checkJavaRegex(rejoined);
        if (commaHazard) {
          report({
            messageId: 'commaSplit',
            data: { property, rejoined, first: item, second: next.item, error: error.message },
            range: { start: range.start, end: next.range!.end },
          });
          index++;
          continue;
        }
        report({
          messageId: 'invalid',
          data: { item, property, error: error.message, index: error.index },
          range,
        });
      }
    }
  },
};
