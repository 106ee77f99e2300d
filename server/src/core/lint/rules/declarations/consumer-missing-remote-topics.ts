import type { ConsumerDeclaration } from '../../../formats/yaml/declarationTypes';
import type { Declared, DeclaredWorkspace } from '../../../model/declared';
import { appendItems, contentEnd, flowMap, singleQuoted, withQuotes, yamlScalar } from '../../../formats/yaml/edits';
import type { Arrival } from '../../../model/replay';
import { declaredInFile, listOfNames, pathText, patternMatcher, patternMatchers, remoteCopies, trieOf } from './facts';
import type { DeclarationRule, Fix, RelatedLocation, Report } from '../../types';
import { EntryMemo } from '../../../base/entryMemo';
import { keptData } from '../../../base/rule';

const escapeRegex = (name: string): string => name.replace(/[.\\+*?[^\]$(){}|]/g, '\\$&');
const alternatives = (names: string[]): string => (names.length === 1 ? escapeRegex(names[0]) : `(${names.map(escapeRegex).join('|')})`);

/**
 * A subscription pattern covering local topics and their remote copies, from the names the flows
 * really produce: `(K1\.)?orders`, `(K1\.|K3\.)?(orders|payments)`. Undefined when a remote name
 * is not `<prefix><topic>` (a custom policy), where only the list of names is safe.
 */
export function subscriptionPattern(topics: string[], remoteNames: Map<string, string[]>): string | undefined {
  const byPrefixes = new Map<string, { prefixes: string[]; topics: string[] }>();
  for (const topic of topics) {
    const names = remoteNames.get(topic) ?? [];
    if (names.some((name) => !name.endsWith(topic))) return undefined;
    const prefixes = [...new Set(names.map((name) => name.slice(0, name.length - topic.length)))].sort();
    const key = prefixes.join('\u0000');
    const group = byPrefixes.get(key) ?? { prefixes, topics: [] };
    group.topics.push(topic);
    byPrefixes.set(key, group);
  }
  return [...byPrefixes.values()]
    .map(({ prefixes, topics: names }) => `${prefixes.length ? `(${prefixes.map(escapeRegex).join('|')})?` : ''}${alternatives(names)}`)
    .join('|');
}

interface Subscription {
  /** The local topics the group reads. */
  reads: string[];
  covers(name: string): boolean;
}

function subscriptionOf(workspace: DeclaredWorkspace, consumer: Declared<ConsumerDeclaration>): Subscription | undefined {
  const { decl, cluster } = consumer;
  const listed = new Set((decl.topics ?? []).map((t) => t.value));
  const prefixes = (decl.prefixes ?? []).map((p) => p.value);
  const pattern = decl.pattern ? patternMatchers(decl.pattern.value) : undefined;
  if (decl.pattern && !pattern) return undefined;
  const covers = (name: string): boolean => listed.has(name) || prefixes.some((p) => name.startsWith(p)) || (pattern?.test(name) ?? false);
  // Only patterns and prefixes need the cluster's topic list (from its index); a list names its topics.
  let matched: string[] = [];
  if (pattern || prefixes.length) {
    const local = workspace.localTopics(cluster);
    const index = trieOf(local);
    matched = [...[...listed].filter((name) => local.has(name)), ...prefixes.flatMap((p) => index.withPrefix(p)), ...(pattern ? pattern.select(index) : [])];
  }
  const reads = [...new Set([...[...listed].filter((name) => !workspace.remoteOrigin(cluster, name)), ...matched])].sort();
  return { reads, covers };
}

function fixesFor(consumer: Declared<ConsumerDeclaration>, subscription: Subscription, expected: Arrival[], missing: string[]): Fix[] {
  const { decl, file } = consumer;
  const text = file.text;
  const fixes: Fix[] = [];
  if (decl.origin === 'kafka-user') {
    if (decl.aclsNode) {
      const acls = missing.map((name) => flowMap([['resource', flowMap([['type', 'topic'], ['name', yamlScalar(name)], ['patternType', 'literal']])], ['operations', '[Read, Describe]']]));
      fixes.push({ title: `Allow reading ${listOfNames(missing)} (literal topic ACLs)`, edits: [appendItems(text, decl.aclsNode, acls, file.lineBreak)] });
    }
    return fixes;
  }
  const remoteNames = new Map<string, string[]>();
  for (const arrival of expected) remoteNames.set(arrival.originTopic, [...(remoteNames.get(arrival.originTopic) ?? []), arrival.name]);
  if (decl.topicsNode && decl.topicsKeyRange && !decl.pattern) {
    const local = subscription.reads.filter((name) => decl.topics?.some((t) => t.value === name));
    const generated = subscriptionPattern(local, remoteNames);
    const others = (decl.topics ?? []).map((t) => t.value).filter((name) => !local.includes(name) && !expected.some((a) => a.name === name));
    const pattern = generated === undefined ? undefined : [generated, ...others.map(escapeRegex)].join('|');
    const matches = pattern === undefined ? undefined : patternMatcher(pattern);
    // Only offered when the pattern provably covers every name the list covered, plus the remote copies.
    if (pattern && matches && [...local, ...others, ...expected.map((a) => a.name)].every(matches)) {
      const range = { start: decl.topicsKeyRange.start, end: contentEnd(decl.topicsNode) };
      // Comments inside a block list would go with it: they are kept after the new pattern.
      const comments = decl.topicsNode.flow ? [] : (text.slice(range.start, range.end).match(/(?<=\s)#[^\r\n]*/g) ?? []);
      fixes.push({
        title: pattern.length <= 32 ? `Subscribe to the pattern \`${pattern}\`` : 'Subscribe to a pattern of local and remote topics',
        edits: [{ range, newText: `pattern: ${singleQuoted(pattern)}${comments.length ? `  ${comments.join(' ')}` : ''}` }],
        preferred: true,
      });
    }
    fixes.push({ title: `Add ${listOfNames(missing)} to the topics`, edits: [appendItems(text, decl.topicsNode, missing.map(yamlScalar), file.lineBreak)] });
  }
  if (decl.pattern) {
    const extended = `${decl.pattern.value}|${missing.map(escapeRegex).join('|')}`;
    fixes.push({ title: `Extend the pattern to cover ${listOfNames(missing)}`, edits: [{ range: withQuotes(text, decl.pattern.range), newText: singleQuoted(extended) }] });
  }
  return fixes;
}

export const consumerMissingRemoteTopics: DeclarationRule = {
  kind: 'declarations',
  meta: {
    id: 'consumer-missing-remote-topics',
    group: 'declarations',
    description: 'A consumer group reads a topic but not the remote copies that MM2 writes into its cluster, so it misses the other cluster\'s records (and everything after a failover).',
    defaultSeverity: 'warning',
    fixable: true,
    messages: { missing: 'Consumer group `{{group}}` in {{cluster}} does not read {{missing}}. It {{who}} {{reads}}, but not the {{copies}} MM2 writes into {{cluster}} from {{origins}}: it never sees records produced in {{origins}}, including everything written there after producers fail over. Cover the remote {{topics}} too, or declare `localOnly: true` if the group reads local data only.' },
  },
  check({ uri, workspace, report }) {
    if (!workspace) return;
    const names = workspace.namesVersion();
    for (const [cluster, consumer] of declaredInFile(workspace, uri, 'consumers')) {
      // What a group misses depends on its declaration, its cluster and the names and flows alone.
      const missed = MISSED.get(consumer.decl, [cluster.alias, names], () => missedBy(workspace, consumer));
      if (missed) report({ ...missed.report, fixes: () => fixesFor(consumer, missed.subscription, missed.expected, missed.missing) });
    }
  },
};

interface Missed {
  report: Omit<Report, 'fixes'>;
  subscription: Subscription;
  expected: Arrival[];
  missing: string[];
}

const MISSED = new EntryMemo<Missed | undefined>();

function missedBy(workspace: DeclaredWorkspace, consumer: Declared<ConsumerDeclaration>): Missed | undefined {
  const alias = consumer.cluster;
  if (consumer.decl.localOnly) return undefined;
  const subscription = subscriptionOf(workspace, consumer);
  if (!subscription || subscription.reads.length === 0) return undefined;
  const expected = subscription.reads.flatMap((topic) => remoteCopies(workspace, alias, topic));
  const missingArrivals = expected.filter((a) => !subscription.covers(a.name));
  const missing = [...new Set(missingArrivals.map((a) => a.name))].sort();
  if (missing.length === 0) return undefined;
  const reads = [...new Set(missingArrivals.map((a) => a.originTopic))].sort();
  const origins = [...new Set(missingArrivals.map((a) => a.origin))].sort();
  const related: RelatedLocation[] = [];
  for (const arrival of missingArrivals) {
    const model = arrival.via!;
    const setting = model.topicsSetting ?? model.enabledSetting;
    if (!setting || related.length >= 5) continue;
    related.push({ uri: model.uri, range: setting.valueRange, message: `${pathText(arrival)} writes \`${arrival.previousName}\` into ${arrival.cluster} as \`${arrival.name}\`` });
  }
  const who = consumer.decl.origin === 'kafka-user' ? 'may read' : 'reads';
  return {
    report: {
      messageId: 'missing',
      data: keptData({ group: consumer.decl.group, cluster: alias, who, reads: listOfNames(reads), missing: listOfNames(missing), copies: missing.length === 1 ? 'copy' : 'copies', origins: origins.join(', '), topics: missing.length === 1 ? 'topic' : 'topics' }),
      range: consumer.decl.groupRange,
      related,
    },
    subscription,
    expected,
    missing,
  };
}
