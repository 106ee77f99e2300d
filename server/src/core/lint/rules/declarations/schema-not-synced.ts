import { relativePath, resolveFrom } from '../../../base/paths';
import type { SchemaDeclaration } from '../../../formats/yaml/declarationTypes';
import type { Declared, DeclaredWorkspace } from '../../../model/declared';
import { declareSubjectIn } from './edits';
import { declaredInFile } from './facts';
import { textOf } from '../../../base/read';
import type { DeclarationRule, RelatedLocation } from '../../types';

/** Schema text compared by meaning where possible: JSON (Avro, JSON Schema) with sorted keys, else by words. */
function normalise(text: string): string {
  try {
    const sort = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(sort) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sort(v)])) : value;
    return JSON.stringify(sort(JSON.parse(text)));
  } catch {
    return text.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').trim();
  }
}

interface Holder {
  alias: string;
  /** The topic's name there. */
  name: string;
  remote: boolean;
}

/** The clusters that hold a copy of the subject's topic: the same local topic in a mirrored cluster, or MM2's remote copy. */
function holdersOf(workspace: DeclaredWorkspace, schema: Declared<SchemaDeclaration>, topic: string): Holder[] {
  const holders = new Map<string, Holder>();
  for (const arrival of workspace.copiesOf(schema.cluster, topic)) {
    if (!holders.has(arrival.cluster)) holders.set(arrival.cluster, { alias: arrival.cluster, name: arrival.name, remote: arrival.name !== topic });
  }
  for (const [alias, cluster] of workspace.clusters) {
    if (alias === schema.cluster || holders.has(alias)) continue;
    const mirrored = workspace.flow(schema.cluster, alias) || workspace.flow(alias, schema.cluster);
    if (mirrored && cluster.topicNamed.has(topic)) holders.set(alias, { alias, name: topic, remote: false });
  }
  return [...holders.values()].filter((h) => h.alias !== schema.cluster && workspace.clusters.has(h.alias));
}

export const schemaNotSynced: DeclarationRule = {
  kind: 'declarations',
  meta: {
    id: 'schema-not-synced',
    group: 'declarations',
    description: 'A schema subject is registered in one cluster but not in a cluster that holds a copy of its topic (or with another schema): MM2 copies records with their schema ids, never the schemas.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      missing: 'Subject `{{subject}}` is declared in {{cluster}} but not in {{holder}}. {{holder}} holds {{copy}}. {{why}} Register the subject in {{holder}} too, or use one registry for both clusters (`schemaRegistry: shared` in .mirrorlint.yaml).',
      differs: 'Subject `{{subject}}` has {{what}}. {{holder}} holds {{copy}}: records replicated with {{cluster}}\'s schema ids are read against another schema in {{holder}}. Register the same schema in both registries.',
      unread: 'Schema file `{{file}}` was not read: {{reason}}.',
    },
  },
  check({ uri, workspace, report }) {
    if (!workspace) return;
    // A schema file MirrorLint may not or cannot read: say why, rather than comparing it as absent.
    for (const [, schema] of declaredInFile(workspace, uri, 'schemas')) {
      const file = schema.decl.file;
      const read = file && workspace.readText(resolveFrom(schema.uri, file.value));
      if (file && read && typeof read !== 'string') report({ messageId: 'unread', data: { file: file.value, reason: read.unreadable }, range: file.range, harmless: true });
    }
    if (workspace.schemaRegistry === 'shared') return;
    for (const [cluster, schema] of declaredInFile(workspace, uri, 'schemas')) {
      const topic = schema.decl.topic;
      if (!topic) continue;
      for (const holder of holdersOf(workspace, schema, topic)) {
        const peer = workspace.clusters.get(holder.alias)!;
        const twin = peer.schemas.find((s) => s.decl.subject === schema.decl.subject);
        const copy = holder.remote ? `\`${holder.name}\`, MM2's copy of \`${topic}\`` : `its own \`${topic}\` topic`;
        if (!twin) {
          const edit = declareSubjectIn(peer, schema);
          const related: RelatedLocation[] = peer.sections.slice(0, 3).map((s) => ({ uri: s.uri, range: s.section.anchor, message: `${holder.alias}'s declarations, without \`${schema.decl.subject}\`` }));
          report({
            messageId: 'missing',
            data: { subject: schema.decl.subject, cluster: cluster.alias, holder: holder.alias, copy, why: holder.remote ? `Replicated records carry ${cluster.alias}'s schema registry ids, which ${holder.alias}'s registry does not know (or maps to other schemas), so consumers in ${holder.alias} cannot deserialize them.` : `Producers that fail over to ${holder.alias} look the subject up in ${holder.alias}'s registry, and consumers there get records with ids from both registries.` },
            range: schema.decl.subjectRange,
            related,
            fixes: edit ? [{ title: `Declare \`${schema.decl.subject}\` in ${holder.alias} (same schema${schema.decl.file ? ' file' : ''})`, edits: [edit], preferred: true }] : [],
          });
          continue;
        }
        // Both declare it: compare, once per pair (by the cluster whose alias sorts first).
        if (holder.alias < cluster.alias) continue;
        const here = schema.decl.content ?? (schema.decl.file ? textOf(workspace.readText(resolveFrom(schema.uri, schema.decl.file.value))) : undefined);
        const there = twin.decl.content ?? (twin.decl.file ? textOf(workspace.readText(resolveFrom(twin.uri, twin.decl.file.value))) : undefined);
        const typesDiffer = schema.decl.type && twin.decl.type && schema.decl.type !== twin.decl.type;
        const filesDiffer = here !== undefined && there !== undefined && normalise(here) !== normalise(there);
        if (!typesDiffer && !filesDiffer) continue;
        const what = typesDiffer ? `type ${schema.decl.type} in ${cluster.alias} but ${twin.decl.type} in ${holder.alias}` : `different schemas in ${cluster.alias} (${where(schema.decl)}) and ${holder.alias} (${where(twin.decl)})`;
        report({
          messageId: 'differs',
          data: { subject: schema.decl.subject, what, holder: holder.alias, copy, cluster: cluster.alias },
          range: schema.decl.file && filesDiffer ? schema.decl.file.range : schema.decl.subjectRange,
          related: [{ uri: twin.uri, range: twin.decl.file?.range ?? twin.decl.subjectRange, message: `\`${schema.decl.subject}\` in ${holder.alias}` }],
          fixes: twin.decl.file && schema.decl.file && filesDiffer
            ? [{ title: `Use \`${schema.decl.file.value}\` in ${holder.alias} too`, edits: [{ uri: twin.uri, range: twin.decl.file.range, newText: relativeForTwin(schema, twin) }] }]
            : [],
        });
      }
    }
  },
};

/** Where a declaration's schema is: its file, or the declaration itself. */
const where = (decl: SchemaDeclaration): string => (decl.file ? `\`${decl.file.value}\`` : 'inline');

function relativeForTwin(schema: Declared<SchemaDeclaration>, twin: Declared<SchemaDeclaration>): string {
  return relativePath(twin.uri, resolveFrom(schema.uri, schema.decl.file!.value));
}
