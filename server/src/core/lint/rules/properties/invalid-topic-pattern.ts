import type { OffsetRange } from '../../../base/range';
import { parseJavaRegex } from '../../../mm2/patterns/javaRegex';
import { definedIn } from '../../../mm2/catalog';
import type { Mm2Rule } from '../../types';
import { reachesConnector } from './reach';
import { regexLists } from './regexLists';

/** The items with repeats dropped, first one kept (in one pass: topic lists run to thousands). */
function firstOfEach<T extends { item: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter(({ item }) => {
    if (seen.has(item)) return false;
    seen.add(item);
    return true;
  });
}

export const invalidTopicPattern: Mm2Rule = {
  kind: 'mm2',
  meta: {
    id: 'invalid-topic-pattern',
    group: 'properties',
    description: 'A topic or group filter that is not a valid Java regular expression once MM2 joins its comma-separated items with `|`, so the connector fails to start.',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      commaSplit: 'MM2 breaks `{{property}}` at a comma inside a pattern. It splits the list on commas and joins the items with `|`, so `{{rejoined}}` becomes `{{broken}}` and the connector fails with "{{error}}". Rewrite it without a comma (e.g. `x{1,3}` as `x|xx|xxx`).',
      invalid: '`{{property}}` is not a valid Java regular expression once MM2 joins its items with `|`: {{error}} near `{{near}}`. The connector fails to start.',
    },
  },
  check({ mm2, report, kafka }) {
    for (const list of regexLists(mm2)) {
      const { property, setting, info } = list;
      // From 4.2 ConfigDef drops repeated items before MM2 joins them (first one kept).
      const items = kafka.validatesListItems ? firstOfEach(list.items) : list.items;
      const joined = items.map((i) => i.item).join('|');
      const error = parseJavaRegex(joined).error;
      if (!error) continue;
      // Only enabled connectors compile their filters (on start), and a removed name is not read at all.
      if (!definedIn(info, kafka) || !reachesConnector(mm2, setting, property, 'started', info.connectors)) continue;
      // Which item Pattern.compile stopped in: items sit in the joined pattern one `|` apart.
      let at = 0;
      let index = items.length - 1;
      for (let i = 0; i < items.length; i++) {
        if (error.index <= at + items[i].item.length) {
          index = i;
          break;
        }
        at += items[i].item.length + 1;
      }
      const item = items[index];
      const next = items[index + 1];
      // The split cut a regex in two: the item and its neighbour compile together with their comma.
      const rejoined = next ? `${item.item},${next.item}` : undefined;
      if (rejoined !== undefined && !parseJavaRegex(rejoined).error && item.range && next.range) {
        report({ messageId: 'commaSplit', data: { property, rejoined, broken: `${item.item}|${next.item}`, error: error.message }, range: { start: item.range.start, end: next.range.end } });
        continue;
      }
      const range: OffsetRange | undefined = item.range;
      if (!range) continue;
      report({ messageId: 'invalid', data: { property, error: error.message, near: item.item }, range });
    }
  },
};
