import type { TopicDeclaration, Valued } from '../../../formats/yaml/declarationTypes';
import type { Declared, DeclaredCluster, DeclaredWorkspace } from '../../../model/declared';
import { rawValue } from '../../../formats/yaml/edits';
import { effectiveOrDeprecated, splitList } from '../../../model/config';
import type { FlowModel } from '../../../model/topology';
import { alignTopicSetting } from './edits';
import { declaredInFile, listOfNames, patternMatcher } from './facts';
import type { DeclarationRule, Fix, Report, RelatedLocation } from '../../types';

type Topic = Declared<TopicDeclaration>;

/** The settings of a declared topic that peers should agree on: partitions and every declared config. */
function settingsOf(topic: TopicDeclaration): Map<string, { path: string[]; valued: Valued<unknown>; text: string }> {
  const settings = new Map<string, { path: string[]; valued: Valued<unknown>; text: string }>();
  if (topic.partitions) settings.set('partitions', { path: ['partitions'], valued: topic.partitions, text: String(topic.partitions.value) });
  for (const [key, valued] of topic.config) settings.set(key, { path: ['config', key], valued, text: valued.value });
  return settings;
}

function localDrift(cluster: DeclaredCluster, topic: Topic, peer: DeclaredCluster, other: Topic, report: (finding: Report) => void): void {
  const mine = settingsOf(topic.decl);
  const theirs = settingsOf(other.decl);
  const name = topic.decl.name;
  for (const key of [...new Set([...mine.keys(), ...theirs.keys()])].sort()) {
    const here = mine.get(key);
    const there = theirs.get(key);
    if (here?.text === there?.text) continue;
    const shown = (setting: typeof here): string => (setting ? `\`${setting.text}\`` : 'not set (broker default)');
    const fixes: Fix[] = [];
    const path = (here ?? there)!.path;
    if (here) {
      const edit = alignTopicSetting(other, path, rawValue(topic.file.text, here.valued));
      if (edit) fixes.push({ title: `Set \`${key}\` of \`${name}\` in ${peer.alias} to ${here.text} (as in ${cluster.alias})`, edits: [edit] });
    }
    if (there) {
      const edit = alignTopicSetting(topic, path, rawValue(other.file.text, there.valued));
      if (edit) fixes.push({ title: `Set \`${key}\` of \`${name}\` in ${cluster.alias} to ${there.text} (as in ${peer.alias})`, edits: [edit] });
    }
    const related: RelatedLocation[] = [{ uri: other.uri, range: there ? there.valued.range : other.decl.nameRange, message: `\`${key}\` of \`${name}\` in ${peer.alias}: ${shown(there)}` }];
    report({
      message: `\`${key}\` of topic \`${name}\` is ${shown(here)} in ${cluster.alias} but ${shown(there)} in ${peer.alias}: MM2 syncs configs only to remote topics, never between the two local \`${name}\` topics, so producers and consumers behave differently after a failover. Use the same value in both clusters.`,
      range: here ? here.valued.range : topic.decl.nameRange,
      related,
      fixes,
    });
  }
}

interface ExcludedProperties {
  matchers: { pattern: string; matches?: (name: string) => boolean }[];
  entry?: FlowModel['topicsEntry'];
}

const EXCLUDED = new WeakMap<FlowModel, ExcludedProperties>();

/** The exclude regexes of config sync for a flow (the deprecated name is read when the new one is absent), compiled once per flow. */
function excludedProperties(model: FlowModel): ExcludedProperties {
  let excluded = EXCLUDED.get(model);
  if (excluded) return excluded;
  const chosen = effectiveOrDeprecated((property) => model.config.effective(model.flow, property), 'config.properties.exclude', 'config.properties.blacklist');
  excluded = { matchers: splitList(chosen.value ?? '').map((i) => ({ pattern: i.item, matches: patternMatcher(i.item) })), entry: chosen.entry };
  EXCLUDED.set(model, excluded);
  return excluded;
}

function remoteDrift(workspace: DeclaredWorkspace, cluster: DeclaredCluster, topic: Topic, report: (finding: Report) => void): void {
  if (topic.decl.config.size === 0) return;
  const copies = workspace.copiesOf(cluster.alias, topic.decl.name).filter((a) => a.depth === 1);
  for (const copy of copies) {
    const model = copy.via!;
    const sync = model.config.effective(model.flow, 'sync.topic.configs.enabled');
    const at = (entry: NonNullable<FlowModel['topicsEntry']>, message: string): RelatedLocation => ({ uri: model.uri, range: entry.entry.valueRange, message });
    if (sync.value?.trim().toLowerCase() === 'false') {
      report({
        message: `The configs of \`${topic.decl.name}\` (${listOfNames([...topic.decl.config.keys()])}) are not copied to its remote copy \`${copy.name}\` in ${copy.cluster}: ${model.flow.id} has \`sync.topic.configs.enabled = false\`, so \`${copy.name}\` keeps ${copy.cluster}'s broker defaults. Enable config sync, or declare the configs for \`${copy.name}\` where it is created.`,
        range: topic.decl.nameRange,
        related: sync.entry ? [at(sync.entry, `${model.flow.id} turns config sync off here`)] : [],
      });
      continue;
    }
    const { matchers, entry } = excludedProperties(model);
    for (const [key, valued] of topic.decl.config) {
      const excludedBy = matchers.find((m) => m.matches?.(key));
      if (!excludedBy) continue;
      report({
        message: `\`${key}\` of \`${topic.decl.name}\` is not copied to its remote copy \`${copy.name}\` in ${copy.cluster}: MM2 skips topic configs matching \`config.properties.exclude\` (\`${excludedBy.pattern}\`${entry ? '' : ', a default'}), so \`${copy.name}\` keeps ${copy.cluster}'s broker default. Set it on \`${copy.name}\` in ${copy.cluster} yourself, or remove it from \`config.properties.exclude\`.`,
        range: valued.keyRange ?? valued.range,
        related: entry ? [at(entry, `${model.flow.id} excludes \`${excludedBy.pattern}\` from config sync`)] : [],
      });
    }
  }
}

export const topicConfigDrift: DeclarationRule = {
  meta: {
    id: 'topic-config-drift',
    description: 'The same local topic has different partitions or configs in two active-active peers, or a declared config that MM2 will not copy to the topic\'s remote copy.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check({ uri, workspace, report }) {
    if (!workspace) return;
    for (const [cluster, topic] of declaredInFile(workspace, uri, 'topics')) {
      if (workspace.remoteOrigin(cluster.alias, topic.decl.name)) continue; // remote-topic-collision
      // Each pair is reported once, by the cluster whose alias sorts first.
      for (const peerAlias of workspace.peers(cluster.alias).filter((p) => p > cluster.alias)) {
        const peer = workspace.clusters.get(peerAlias);
        const other = peer?.topicNamed.get(topic.decl.name);
        if (peer && other) localDrift(cluster, topic, peer, other, report);
      }
      remoteDrift(workspace, cluster, topic, report);
    }
  },
};
