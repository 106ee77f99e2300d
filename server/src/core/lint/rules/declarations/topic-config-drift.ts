import type { TopicDeclaration, Valued } from '../../../formats/yaml/declarationTypes';
import type { Declared, DeclaredCluster, DeclaredWorkspace } from '../../../model/declared';
import { compilePatternList, matcher } from '../../../mm2/patterns/automata';
import { effectiveOrDeprecated } from '../../../model/values';
import { listItems, type FlowModel } from '../../../model/flows';
import { alignTopicSetting, writtenValue } from './edits';
import { declaredInFile, listOfNames, patternMatcher } from './facts';
import type { DeclarationRule, Fix, Report, RelatedLocation } from '../../types';
import { EntryMemo } from '../../../base/entryMemo';
import { keptData } from '../../../base/rule';

type Topic = Declared<TopicDeclaration>;

/** The settings of a declared topic that peers should agree on: partitions and every declared config. */
function settingsOf(topic: TopicDeclaration): Map<string, Setting> {
  const settings = new Map<string, Setting>();
  if (topic.partitions) settings.set('partitions', { path: ['partitions'], valued: topic.partitions, text: String(topic.partitions.value) });
  for (const [key, valued] of topic.config) settings.set(key, { path: ['config', key], valued, text: valued.value });
  return settings;
}

interface Setting {
  path: string[];
  valued: Valued<unknown>;
  text: string;
}

/** A setting of a topic that differs from its peer's: the report but its fixes, which read the files. */
interface Drift {
  report: Omit<Report, 'fixes'>;
  key: string;
  here?: Setting;
  there?: Setting;
}

function localDrift(cluster: DeclaredCluster, topic: Topic, peer: DeclaredCluster, other: Topic): Drift[] {
  const mine = settingsOf(topic.decl);
  const theirs = settingsOf(other.decl);
  const name = topic.decl.name;
  const drifts: Drift[] = [];
  for (const key of [...new Set([...mine.keys(), ...theirs.keys()])].sort()) {
    const here = mine.get(key);
    const there = theirs.get(key);
    if (here?.text === there?.text) continue;
    const shown = (setting: typeof here): string => (setting ? `\`${setting.text}\`` : 'not set (broker default)');
    const related: RelatedLocation[] = [{ uri: other.uri, range: there ? there.valued.range : other.decl.nameRange, message: `\`${key}\` of \`${name}\` in ${peer.alias}: ${shown(there)}` }];
    drifts.push({
      report: {
        messageId: 'local',
        data: keptData({ key, topic: name, here: shown(here), cluster: cluster.alias, there: shown(there), peer: peer.alias }),
        range: here ? here.valued.range : topic.decl.nameRange,
        related,
      },
      key,
      here,
      there,
    });
  }
  return drifts;
}

/** Aligning one drifted setting, either way. */
function driftFixes({ key, here, there }: Drift, cluster: DeclaredCluster, topic: Topic, peer: DeclaredCluster, other: Topic): Fix[] {
  const path = (here ?? there)!.path;
  const both: Fix[] = [];
  if (here) {
    const edit = alignTopicSetting(other, path, writtenValue(topic.file, here.valued));
    if (edit) both.push({ title: `Set \`${key}\` in ${peer.alias} to ${here.text} (as in ${cluster.alias})`, edits: [edit] });
  }
  if (there) {
    const edit = alignTopicSetting(topic, path, writtenValue(other.file, there.valued));
    if (edit) both.push({ title: `Set \`${key}\` in ${cluster.alias} to ${there.text} (as in ${peer.alias})`, edits: [edit] });
  }
  return both;
}

interface ExcludedProperties {
  /** The list as MM2 compiles it (items joined with `|`, so a `(?i)` reaches later items). */
  matches?: (name: string) => boolean;
  /** Each item on its own, to name the one that excludes a key. */
  matchers: { pattern: string; matches?: (name: string) => boolean }[];
  list: string;
  setting?: FlowModel['topicsSetting'];
}

// Keyed by the model's value lookup, which every build makes anew: a build that takes over the
// previous replay keeps its model objects but gives them this build's settings.
const EXCLUDED = new WeakMap<FlowModel['value'], ExcludedProperties>();

/** The exclude regexes of config sync for a flow (the deprecated name is read when the new one is absent), compiled once per flow. */
function excludedProperties(model: FlowModel): ExcludedProperties {
  let excluded = EXCLUDED.get(model.value);
  if (excluded) return excluded;
  const chosen = effectiveOrDeprecated(model.value, 'config.properties.exclude', 'config.properties.blacklist', model.kafka);
  const list = chosen.origin === 'default' || chosen.value === undefined ? model.kafka.defaultConfigPropertiesExclude : chosen.value;
  const items = listItems(list, model.kafka);
  const joined = compilePatternList(items);
  excluded = { matches: joined.nfa ? matcher(joined.nfa) : undefined, matchers: items.map((pattern) => ({ pattern, matches: patternMatcher(pattern) })), list, setting: chosen.setting };
  EXCLUDED.set(model.value, excluded);
  return excluded;
}

function remoteDrift(workspace: DeclaredWorkspace, cluster: DeclaredCluster, topic: Topic, report: (finding: Report) => void): void {
  if (topic.decl.config.size === 0) return;
  const copies = workspace.copiesOf(cluster.alias, topic.decl.name).filter((a) => a.depth === 1);
  for (const copy of copies) {
    const model = copy.via!;
    const sync = model.value('sync.topic.configs.enabled');
    const at = (setting: NonNullable<FlowModel['topicsSetting']>, message: string): RelatedLocation => ({ uri: model.uri, range: setting.valueRange, message });
    if (sync.value?.trim().toLowerCase() === 'false') {
      report({
        messageId: 'syncOff',
        data: keptData({ topic: topic.decl.name, keys: listOfNames([...topic.decl.config.keys()]), copy: copy.name, target: copy.cluster, flow: model.flow.id }),
        range: topic.decl.nameRange,
        related: sync.setting ? [at(sync.setting, `${model.flow.id} turns config sync off here`)] : [],
      });
      continue;
    }
    const { matches, matchers, list, setting } = excludedProperties(model);
    const observedCopy = topic.file.observed ? observedCopyOf(workspace, cluster, copy.cluster, copy.name) : undefined;
    if (observedCopy) observedCopyDrift(cluster, topic, observedCopy, matches, report);
    for (const [key, valued] of topic.decl.config) {
      if (!matches?.(key)) continue;
      // A live snapshot shows the copy: set there by hand to the same value, nothing is lost.
      if (observedCopy?.decl.config.get(key)?.value === valued.value) continue;
      const excludedBy = matchers.find((m) => m.matches?.(key)) ?? { pattern: list };
      report({
        messageId: 'excluded',
        data: keptData({ key, topic: topic.decl.name, copy: copy.name, target: copy.cluster, pattern: excludedBy.pattern, byDefault: setting ? '' : ', a default' }),
        range: valued.keyRange ?? valued.range,
        related: setting ? [at(setting, `${model.flow.id} excludes \`${excludedBy.pattern}\` from config sync`)] : [],
      });
    }
  }
}

/** The remote copy a live snapshot saw, when it saw the source topic's cluster too (the caller's topic is observed). */
function observedCopyOf(workspace: DeclaredWorkspace, cluster: DeclaredCluster, target: string, name: string): Topic | undefined {
  return cluster.observed ? workspace.clusters.get(target)?.observed?.remoteTopics.get(name) : undefined;
}

/**
 * Live snapshots: a config set on the source topic itself is set on its remote copy by MM2's config
 * sync (MirrorSourceConnector.targetConfig: every entry not read-only, sensitive, static-broker or
 * excluded). Only keys the source topic sets are compared: the copy may also carry the source
 * cluster's dynamic broker configs, which the snapshot does not show for the source.
 */
function observedCopyDrift(cluster: DeclaredCluster, topic: Topic, copy: Topic, excluded: ((name: string) => boolean) | undefined, report: (finding: Report) => void): void {
  const copyName = copy.decl.name;
  const target = copy.cluster;
  for (const [key, valued] of topic.decl.config) {
    if (excluded?.(key)) continue;
    const there = copy.decl.config.get(key);
    if (there?.value === valued.value) continue;
    report({
      messageId: 'copyDiffers',
      data: { key, copy: copyName, target, there: there ? `\`${there.value}\`` : 'not set', value: valued.value, topic: topic.decl.name, cluster: cluster.alias },
      range: valued.keyRange ?? valued.range,
      related: [{ uri: copy.uri, range: there ? there.range : copy.decl.nameRange, message: `\`${key}\` of \`${copyName}\` in ${target}: ${there ? there.value : 'not set'}` }],
    });
  }
}

export const topicConfigDrift: DeclarationRule = {
  kind: 'declarations',
  meta: {
    id: 'topic-config-drift',
    group: 'declarations',
    description: 'The same local topic has different partitions or configs in two active-active peers, a declared config that MM2 will not copy to the topic\'s remote copy, or (in a live snapshot) a remote copy whose configs differ from its source\'s.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      local: '`{{key}}` of topic `{{topic}}` is {{here}} in {{cluster}} but {{there}} in {{peer}}: MM2 syncs configs only to remote topics, never between the two local `{{topic}}` topics, so producers and consumers behave differently after a failover. Use the same value in both clusters.',
      syncOff: 'The configs of `{{topic}}` ({{keys}}) are not copied to its remote copy `{{copy}}` in {{target}}: {{flow}} has `sync.topic.configs.enabled = false`, so `{{copy}}` keeps {{target}}\'s broker defaults. Enable config sync, or declare the configs for `{{copy}}` where it is created.',
      copyDiffers: '`{{key}}` of remote topic `{{copy}}` in {{target}} is {{there}}, not `{{value}}`. It is `{{value}}` on `{{topic}}` in {{cluster}}, and MM2 copies topic configs to remote topics every `sync.topic.configs.interval.seconds` (10 minutes by default) unless `config.properties.exclude` matches them: MM2 is not running, has not synced yet, or the copy was changed by hand.',
      excluded: '`{{key}}` of `{{topic}}` is not copied to its remote copy `{{copy}}` in {{target}}: MM2 skips topic configs matching `config.properties.exclude` (`{{pattern}}`{{byDefault}}), so `{{copy}}` keeps {{target}}\'s broker default. Set it on `{{copy}}` in {{target}} yourself, or remove it from `config.properties.exclude`.',
    },
  },
  check({ uri, workspace, report }) {
    if (!workspace) return;
    // Live snapshots compare with what other files say of the same names: those topics are checked every time.
    const observed = [...workspace.clusters.values()].some((cluster) => cluster.observed !== undefined || cluster.sections.some((s) => s.file.observed));
    // Each pair is reported once, by the cluster whose alias sorts first.
    const peersOf = new Map<DeclaredCluster, (DeclaredCluster | undefined)[]>();
    const peersAbove = (cluster: DeclaredCluster): (DeclaredCluster | undefined)[] => {
      let peers = peersOf.get(cluster);
      if (!peers) peersOf.set(cluster, (peers = workspace.peers(cluster.alias).filter((p) => p > cluster.alias).map((alias) => workspace.clusters.get(alias))));
      return peers;
    };
    for (const [cluster, topic] of declaredInFile(workspace, uri, 'topics')) {
      const peers = peersAbove(cluster);
      const others = peers.map((peer) => peer?.topicNamed.get(topic.decl.name));
      const check = (): Checked => checkTopic(workspace, cluster, topic, peers, others);
      const checked = observed ? check() : CHECKED.get(topic.decl, [cluster.alias, workspace.deployment, ...others.map((other) => other?.decl)], check);
      checked.local.forEach((drifts, i) => {
        for (const drift of drifts) report({ ...drift.report, fixes: () => driftFixes(drift, cluster, topic, peers[i]!, others[i]!) });
      });
      for (const found of checked.remote) report(found);
    }
  },
};

/** A topic's drift from each peer (in the order of the peers), and what config sync leaves behind. */
interface Checked {
  local: Drift[][];
  remote: Report[];
}

const CHECKED = new EntryMemo<Checked>();

function checkTopic(workspace: DeclaredWorkspace, cluster: DeclaredCluster, topic: Topic, peers: (DeclaredCluster | undefined)[], others: (Topic | undefined)[]): Checked {
  const checked: Checked = { local: [], remote: [] };
  if (workspace.remoteOrigin(cluster.alias, topic.decl.name)) return checked; // remote-topic-collision
  // A topic a live snapshot saw is checked as it is; how its declaration differs is declared-not-observed's.
  if (!topic.file.observed && cluster.topicNamed.get(topic.decl.name)?.file.observed) return checked;
  checked.local = peers.map((peer, i) => (peer && others[i] ? localDrift(cluster, topic, peer, others[i]!) : []));
  remoteDrift(workspace, cluster, topic, (found) => checked.remote.push(found));
  return checked;
}
