// Causes found by the long fuzz run (docs/reliability.md), each reduced to what made it crash or slow.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeWorkspace, applyEdits, type TextEdit } from '../../server/src/core';
import { RangeIndex, overlaps } from '../../server/src/core/base/range';
import { readConnectJson } from '../../server/src/core/formats/connect/read';
import { MAX_YAML_DEPTH, tooDeepYaml } from '../../server/src/core/formats/yaml/documents';
import { compilePatternList } from '../../server/src/core/mm2/patterns/automata';
import { backtrackingProblem } from '../../server/src/core/lint/rules/properties/catastrophic-pattern';
import { check } from './check';

const findingsOf = (uri: string, text: string) => analyzeWorkspace([{ uri, text }]).get(uri)!.findings;

describe('regressions from the long fuzz run', () => {
  it('keeps an unterminated JSON string\'s range running to its end instead of inverting it', () => {
    const text = '{"name": "m", "config": {"connector.class": "MirrorSourceConnector", "replication.policy.class": "';
    const facts = readConnectJson('file:///m.json', text);
    const policy = facts.mm2!.settings.find((s) => s.key === 'replication.policy.class')!;
    assert.deepEqual(policy.valueRange, { start: text.length, end: text.length });
    assert.deepEqual(check({ format: 'connect', uri: 'file:///fuzz/mirror-connector.json', text, origin: 'unterminated' }).problems, []);
  });

  it('reads the escaped closing quote of a string as part of an unterminated string', () => {
    const text = '{"config": {"connector.class": "MirrorSourceConnector", "topics": "a\\"';
    const topics = readConnectJson('file:///m.json', text).mm2!.settings.find((s) => s.key === 'topics')!;
    assert.equal(topics.valueRange.end, text.length);
  });

  it('gives a lone opening quote at the end of a YAML file an empty range after it, not an inverted one', () => {
    const text = 'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaMirrorMaker2\nmetadata: {name: m}\nspec:\n  connectCluster: K2\n  clusters:\n    - {alias: K1, bootstrapServers: "k1:9092"}\n    - {alias: K2, bootstrapServers: "k2:9092"}\n  mirrors:\n    - sourceCluster: K1\n      targetCluster: K2\n      sourceConnector:\n        config:\n          replication.policy.separator: _\n      checkpointConnector:\n        config:\n          replication.policy.separator: "';
    assert.deepEqual(check({ format: 'strimzi', uri: 'file:///fuzz/kafka-mirror-maker-2.yaml', text, origin: 'lone quote' }).problems, []);
    const mismatch = findingsOf('file:///w/mm2.yaml', text).find((f) => f.ruleId === 'connector-config-mismatch');
    assert.deepEqual(mismatch?.fixes[0].edits[0].range, { start: text.length, end: text.length });
  });

  it('reports YAML nested deeper than the limit once, without parsing it', () => {
    const deep = `${'- '.repeat(1500)}x\n`;
    assert.equal(tooDeepYaml(deep), 2 * MAX_YAML_DEPTH);
    assert.equal(tooDeepYaml(`${'- '.repeat(MAX_YAML_DEPTH)}x\n[${'['.repeat(50)}"[[[[ # "${']'.repeat(51)}\n`), undefined);
    assert.notEqual(tooDeepYaml(`a: ${'['.repeat(150)}\n${'{'.repeat(60)}\n`), undefined);
    for (const uri of ['file:///w/mm2.yaml', 'file:///w/.mirrorlint.yaml']) {
      const prefix = 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaMirrorMaker2\n';
      const text = `${prefix}${deep}${deep}`;
      const findings = findingsOf(uri, text);
      assert.deepEqual(findings.map((f) => [f.ruleId, f.message, f.range]), [['document-syntax', `Not analysed: this YAML nests more than ${MAX_YAML_DEPTH} levels deep here.`, { start: prefix.length + 2 * MAX_YAML_DEPTH, end: prefix.length + 2 * MAX_YAML_DEPTH + 1 }]], uri);
    }
  });

  it('shows the first hundred YAML syntax errors of a document and counts the rest', () => {
    const text = `kind: KafkaTopology\n${'a: [\n b: }\n'.repeat(400)}`;
    const syntax = findingsOf('file:///w/k1.topology.yaml', text).filter((f) => f.ruleId === 'document-syntax');
    assert.equal(syntax.length, 101);
    assert.match(syntax[100].message, /^Not valid YAML: \d+ more errors after this one are not shown\.$/);
  });

  it('does not run the backtracking analysis on a pattern shape longer than its limit', () => {
    assert.ok(backtrackingProblem('(a+)+b'));
    assert.equal(backtrackingProblem(`(a+)+b|${'x'.repeat(30_000)}`), undefined);
  });

  it('does not compile a topic pattern far longer than the automaton limit allows', () => {
    const compiled = compilePatternList([`o${'x'.repeat(200_000)}`]);
    assert.equal(compiled.nfa, undefined);
    assert.equal(compiled.unanalysable, 'too many automaton states');
    assert.ok(compilePatternList([`o${'x'.repeat(2_000)}`]).nfa);
  });

  it('reports a Connect group shared by many resources once per resource and setting, not once per pair', () => {
    const resource = (i: number) => `apiVersion: kafka.strimzi.io/v1
kind: KafkaMirrorMaker2
metadata: {name: mm2-${i}}
spec:
  target: {alias: K2, bootstrapServers: "k2:9093", groupId: mm2, configStorageTopic: c-${i}, offsetStorageTopic: o-${i}, statusStorageTopic: s-${i}}
  mirrors:
    - source: {alias: K${i + 10}, bootstrapServers: "k${i}:9093"}
      topicsPattern: orders
`;
    const text = Array.from({ length: 30 }, (_, i) => resource(i)).join('---\n');
    const shared = findingsOf('file:///w/mm2.yaml', text).filter((f) => f.ruleId === 'shared-connect-group');
    assert.equal(shared.length, 29);
    assert.ok(shared.every((f) => f.related[0].message === 'mm2-0 uses it too'));
  });

  it('finds the same overlapping ranges with the range index as by scanning every range', () => {
    const range = fc.tuple(fc.nat(500), fc.oneof(fc.nat(20), fc.nat(6000))).map(([start, length]) => ({ start, end: start + length }));
    fc.assert(
      fc.property(fc.array(range, { maxLength: 60 }), range, (ranges, query) => {
        const index = new RangeIndex(ranges, (r) => r);
        assert.deepEqual(index.overlapping(query), ranges.filter((r) => overlaps(r, query)));
      }),
      { numRuns: 2000 },
    );
  });

  it('applies edits in one pass exactly as applying them one by one from the last offset back', () => {
    const sequential = (text: string, edits: TextEdit[]): string =>
      [...edits].sort((a, b) => b.range.start - a.range.start).reduce((acc, e) => acc.slice(0, e.range.start) + e.newText + acc.slice(e.range.end), text);
    // Non-overlapping edits (what fixes and fix-all produce), several inserts at one offset included.
    const edits = (length: number) =>
      fc.uniqueArray(fc.nat(length), { maxLength: 12 }).chain((cuts) => {
        const sorted = [...cuts].sort((a, b) => a - b);
        return fc.tuple(...sorted.map((start, i) => fc.tuple(fc.nat(Math.max(0, (sorted[i + 1] ?? length) - start)), fc.string({ maxLength: 4 }), fc.boolean()).map(([span, newText, twice]) => {
          // Two edits at one offset are both inserts (an insert and a replacement there have no one-by-one meaning).
          if (twice) return [{ range: { start, end: start }, newText: `<${newText}>` }, { range: { start, end: start }, newText }];
          return [{ range: { start, end: start + span }, newText }];
        }))).map((groups) => fc.sample(fc.shuffledSubarray(groups.flat(), { minLength: groups.flat().length }), 1)[0]);
      });
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }).chain((text) => fc.tuple(fc.constant(text), edits(text.length))), ([text, list]) => {
        assert.equal(applyEdits(text, list), sequential(text, list));
      }),
      { numRuns: 1000 },
    );
  });
});
