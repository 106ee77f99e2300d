import type { ClusterSection } from '../../../formats/yaml/declarationTypes';
import type { Declared, DeclaredCluster, DeclaredWorkspace } from '../../../model/declared';
import { compilePatternList, nameMatcher, type NameMatcher } from '../../../mm2/patterns/automata';
import { NameTrie } from '../../../mm2/patterns/nameTrie';
import { BoundedCache } from '../../../base/cache';
import type { Arrival } from '../../../model/replay';

/** Every declared cluster of the workspace that has something in the file being checked. */
export function clustersInFile(workspace: DeclaredWorkspace, uri: string): DeclaredCluster[] {
  return [...workspace.clusters.values()].filter((cluster) => cluster.sections.some((s) => s.uri === uri));
}

type Kind = 'topics' | 'schemas' | 'consumers' | 'producers';

/** Each declaration of one kind written in the file being checked, with its cluster. */
export function* declaredInFile<K extends Kind>(workspace: DeclaredWorkspace, uri: string, kind: K): Generator<[DeclaredCluster, DeclaredCluster[K][number]]> {
  for (const cluster of clustersInFile(workspace, uri)) {
    for (const item of cluster[kind] as DeclaredCluster[K][number][]) if (item.uri === uri) yield [cluster, item];
  }
}

/** The remote copies of a topic in a cluster: what MM2 writes there for `topic` of other clusters. */
export function remoteCopies(workspace: DeclaredWorkspace, alias: string, topic: string): Arrival[] {
  return workspace.copiesIn(alias, topic).filter((a) => a.origin !== alias && a.name !== topic);
}

/** `K1 → K2` for an arrival. */
export function pathText(arrival: Arrival): string {
  return [arrival.origin, ...arrival.hops.map((h) => h.model.flow.target)].join(' → ');
}

/** The section of `alias` where a fix adds a declaration: the file's own when it has one, else the first. */
export function sectionToEdit(cluster: DeclaredCluster): Declared<ClusterSection> | undefined {
  return cluster.sections.find((s) => s.file.format === 'kafka-topology' && s.section.body) ?? cluster.sections.find((s) => s.file.format === 'strimzi-resources' || (s.file.format === 'terraform' && s.section.terraform));
}

// Every consumer group of a large declaration may have a pattern of its own: all of them are kept between keystrokes.
const MATCHERS = new BoundedCache<string, NameMatcher | undefined>(20_000);

/** Full-match tests for a Java regex (KafkaConsumer.subscribe(Pattern)); undefined when it cannot be analysed. */
export function patternMatchers(pattern: string): NameMatcher | undefined {
  return MATCHERS.get(pattern, () => {
    const compiled = compilePatternList([pattern]);
    return compiled.nfa ? nameMatcher(compiled.nfa) : undefined;
  });
}

/** A full-match test for a Java regex; undefined when it cannot be analysed. */
export function patternMatcher(pattern: string): ((name: string) => boolean) | undefined {
  return patternMatchers(pattern)?.test;
}

const TRIES = new WeakMap<ReadonlySet<string>, NameTrie>();

/** An index of a set of topic names (the sets of a declared workspace live as long as it does). */
export function trieOf(names: ReadonlySet<string>): NameTrie {
  let trie = TRIES.get(names);
  if (!trie) TRIES.set(names, (trie = new NameTrie(names)));
  return trie;
}

/** Names as an English list: `a`, `a and b`, `a, b and 2 more`. */
export function listOfNames(names: string[], shown = 3): string {
  const quoted = names.map((n) => `\`${n}\``);
  if (quoted.length <= 1) return quoted.join('');
  if (quoted.length <= shown) return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
  return `${quoted.slice(0, shown).join(', ')} and ${quoted.length - shown} more`;
}
