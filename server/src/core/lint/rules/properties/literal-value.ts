import type { Mm2Rule } from '../../types';

/** ` # …` after a value: java.util.Properties starts a comment only at the beginning of a line. */
const INLINE_COMMENT = /\s+[#!]/;
const QUOTED = /^(["'])[^]*\1$/;

export const literalValue: Mm2Rule = {
  kind: 'mm2',
  modes: ['dedicated'],
  meta: {
    id: 'literal-value',
    group: 'properties',
    description: 'A value that java.util.Properties reads literally although it looks like syntax: an inline `# comment`, surrounding quotes.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      inlineComment: 'The value of `{{key}}` includes `{{comment}}`: Java reads `#` as a comment only at the start of a line.',
      quoted: 'The quotes around the value of `{{key}}` are part of it{{consequence}}.',
    },
  },
  check({ mm2, file, report }) {
    for (const setting of mm2.settings) {
      const { value } = setting;
      const comment = INLINE_COMMENT.exec(value);
      if (comment && comment.index > 0) {
        const kept = value.slice(0, comment.index);
        report({
          messageId: 'inlineComment',
          data: { key: setting.key, comment: value.slice(comment.index).trim() },
          range: { start: setting.valueOffsets.at(comment.index), end: setting.valueRange.end },
          fixes: [{ title: `Remove \`${value.slice(comment.index).trim()}\` from the value`, edits: [file.writer.setValue(setting, kept)], preferred: true }],
        });
        continue;
      }
      const trimmed = value.trim();
      if (trimmed.length >= 2 && QUOTED.test(trimmed)) {
        const info = setting.lookup?.kind === 'property' ? setting.lookup.info : undefined;
        const consequence = info?.regexList ? ': the first and last patterns then never match' : info?.type === 'list' ? ': the first and last items keep them' : '';
        report({
          messageId: 'quoted',
          data: { key: setting.key, consequence },
          range: setting.valueRange,
          fixes: [{ title: 'Remove the quotes', edits: [file.writer.setValue(setting, trimmed.slice(1, -1))], preferred: true }],
        });
      }
    }
  },
};
