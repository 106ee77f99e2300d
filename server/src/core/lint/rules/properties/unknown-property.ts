import { lookupProperty, namesForScope, propertyInfo } from '../../../mm2/catalog';
import { propertyRange } from '../../../model/config';
import { closestMatch } from '../../../base/closest';
import { renameProperty } from './edits';
import type { PropertiesRule } from '../../types';

const MAX_SUGGESTIONS = 100;

export const unknownProperty: PropertiesRule = {
  meta: {
    id: 'unknown-property',
    description: 'A key that MirrorMaker 2 does not read at the place it is written.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check({ config, report }) {
    // Suggestions cost an edit-distance scan of the catalog; bound them so a file of garbage stays fast.
    let suggestionsLeft = MAX_SUGGESTIONS;
    const aliases = new Set(config.clusters.map((c) => c.alias));
    for (const configEntry of config.entries) {
      const { shape, lookup, entry } = configEntry;
      if (lookup) continue;
      if (shape.scope === 'cluster' && !aliases.has(shape.alias)) continue; // unknown-cluster reports it
      if (shape.scope === 'flow' && (!aliases.has(shape.source) || !aliases.has(shape.target))) continue;
      if (shape.property === '') continue;
      const known = propertyInfo(shape.property);
      if (known?.deprecated) continue; // deprecated-property reports it
      const prefix = config.keyPrefix(shape);
      const where =
        config.format !== 'properties' ? `in this ${shape.scope === 'flow' ? `${shape.source}->${shape.target} ` : ''}connector config` : shape.scope === 'top' ? 'at top level' : shape.scope === 'cluster' ? `under cluster prefix \`${prefix}\`` : `under flow prefix \`${prefix}\``;
      let message: string;
      let suggestion: string | undefined;
      if (known && shape.scope === 'cluster') {
        const flow = config.flows.find((f) => f.source === shape.alias) ?? config.flows.find((f) => f.target === shape.alias);
        message = `\`${shape.property}\` is a connector setting, but MM2 passes \`${prefix}…\` keys only to the clients and Connect worker of cluster ${shape.alias}, so \`${entry.key}\` has no effect. Set it at top level or on a flow${flow ? ` (\`${flow.id}.${shape.property}\`)` : ''}.`;
      } else if (shape.scope === 'top' && lookupProperty(shape.property, 'cluster')) {
        const example = config.clusters[0]?.alias ?? 'A';
        message = `MM2 ignores \`${shape.property}\` at top level: client settings need a cluster prefix, e.g. \`${example}.${shape.property}\`.`;
      } else {
        suggestion = suggestionsLeft-- > 0 ? closestMatch(shape.property, namesForScope(shape.scope)) : undefined;
        message = `Unknown MM2 property \`${shape.property}\` ${where}; MirrorMaker 2 ignores it.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`;
      }
      report({
        message,
        range: propertyRange(configEntry),
        fixes: suggestion ? [{ title: `Rename to \`${prefix}${suggestion}\``, edits: [renameProperty(configEntry, suggestion)], preferred: true }] : [],
      });
    }
  },
};
