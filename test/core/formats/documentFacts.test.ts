// What the Strimzi reader read from a YAML document is kept with the document and taken again by
// the file's next version while the document is unchanged, moved with it when text before it
// changed length. Taken-over facts must be exactly what reading the new text afresh gives.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { OffsetMap } from '../../../server/src/core/base/offsetMap';
import type { FileFacts } from '../../../server/src/core/formats/facts';
import { moveFacts } from '../../../server/src/core/formats/yaml/documentFacts';
import { readYamlFile } from '../../../server/src/core/formats/yaml/read';
import { exampleYamlFiles } from './exampleYamlFiles';
import { snapshot } from './factSnapshot';

const PROPERTIES = ['topics', 'topics.exclude', 'groups', 'replication.policy.separator', 'sync.topic.configs.enabled', 'enabled'];

/** The MM2 facts of a file as data, with what each flow's connectors and the file answer for a few properties. */
function mm2Of(facts: FileFacts): unknown {
  const mm2 = facts.mm2;
  if (!mm2) return undefined;
  const answers = mm2.flows.map((flow) => ({
    effective: PROPERTIES.map((p) => snapshot(mm2.effective(flow, p))),
    connectors: Object.values(flow.connectors).map((c) => PROPERTIES.map((p) => snapshot(c!.value(p)))),
  }));
  const clusters = mm2.clusters.map((c) => [c.alias, mm2.bootstrapServers(c.alias)]);
  return { mm2: snapshot(mm2), answers, clusters };
}

const URI = '/w/mm2.yaml';

describe('YAML document facts kept with their documents', () => {
  const files = exampleYamlFiles().filter((text) => /kind:\s*KafkaMirrorMaker2/.test(text));
  // Several resources in one file, as repositories keep them: each edit leaves most documents unchanged.
  const joined = (picks: number[]) => picks.map((i) => files[i % files.length].replace(/^---\n/, '')).join('\n---\n');

  it('equal the facts read afresh after random edits, moved or not', () => {
    assert.ok(files.length > 20, `${files.length} Strimzi files`);
    const CHARACTERS = ['a', '7', ' ', '\n', '#', ':', '-', '"', '{', '}', '\n---\n', 'K1', '.', 'x\n  y: 1\n'];
    let taken = 0;
    let moved = 0;
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('replace', 'insert', 'delete'), fc.constantFrom(...CHARACTERS)), { minLength: 1, maxLength: 6 }),
        (picks, edits) => {
          let text = joined(picks);
          let facts = readYamlFile(URI, text);
          for (const [position, kind, characters] of edits) {
            const at = position % (text.length + 1);
            const edited = kind === 'insert' ? text.slice(0, at) + characters + text.slice(at) : text.slice(0, at) + (kind === 'replace' ? characters : '') + text.slice(at + 1);
            const before = facts.mm2?.strimzi?.resources ?? [];
            const starts = before.map((r) => r.document.range[0]);
            facts = readYamlFile(URI, edited, 'yaml-resources', { previous: facts });
            text = edited;
            for (const resource of facts.mm2?.strimzi?.resources ?? []) {
              const index = before.indexOf(resource);
              if (index < 0) continue;
              taken++;
              if (resource.document.range[0] !== starts[index]) moved++;
            }
            assert.deepEqual(mm2Of(facts), mm2Of(readYamlFile(URI, text)), JSON.stringify({ at, kind, characters }));
          }
        },
      ),
      { numRuns: 400 },
    );
    // The property is about facts taken over: enough of them must have been, moved ones among them.
    assert.ok(taken > 300 && moved > 100, `${taken} resources taken over, ${moved} of them moved`);
  });

  it('moves ranges and offset maps once each, however often they are shared, and leaves the rest alone', () => {
    const range = { start: 10, end: 12 };
    const map = OffsetMap.linear(10, 3);
    const shape = { sourceSpan: { start: 0, end: 0 } };
    const facts = { a: range, b: [range, { range }], c: new Map([['k', { valueRange: range, offsets: map }]]), shape, count: 3 };
    moveFacts(facts, 5);
    assert.deepEqual(range, { start: 15, end: 17 });
    assert.deepEqual([map.at(0), map.at(2)], [15, 17]);
    assert.deepEqual(shape.sourceSpan, { start: 0, end: 0 });
    assert.equal(facts.count, 3);
  });
});
