import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { TestClient, positionOf } from './lspClient';

const FOLDER = path.join(__dirname, '..', '..', 'examples', 'strimzi-identity');
const INTO_K1 = 'file:///strimzi/mm2-into-k1.yaml';
const INTO_K2 = 'file:///strimzi/mm2-into-k2.yaml';

describe('Strimzi KafkaMirrorMaker2 over stdio', () => {
  let client: TestClient;
  const k2Text = fs.readFileSync(path.join(FOLDER, 'mm2-into-k2.yaml'), 'utf8');

  before(async () => {
    client = new TestClient();
    await client.initialize({ workspace: { configuration: true } });
    await client.open(INTO_K2, k2Text, 'yaml');
    await client.open(INTO_K1, fs.readFileSync(path.join(FOLDER, 'mm2-into-k1.yaml'), 'utf8'), 'yaml');
  });

  after(async () => {
    await client.shutdown();
  });

  it('reports replication-cycle across the two resources, with related locations in both files', async () => {
    let all: Diagnostic[] = [];
    for (let round = 0; round < 4 && !all.some((d) => d.code === 'replication-cycle'); round++) {
      const [a, b] = await Promise.all([client.nextDiagnostics(INTO_K1), client.nextDiagnostics(INTO_K2)]);
      all = [...a.diagnostics, ...b.diagnostics];
    }
    const cycles = all.filter((d) => d.code === 'replication-cycle');
    assert.equal(cycles.length, 1);
    const uris = new Set(cycles[0].relatedInformation!.map((r) => r.location.uri));
    assert.ok(uris.has(INTO_K1) && uris.has(INTO_K2), [...uris].join(', '));
  });

  it('previews remote names on hover of a topicsPattern value', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: INTO_K2 }, position: positionOf(k2Text, 'orders|payments', 2) });
    assert.match((hover.contents as { value: string }).value, /Topics matching `orders\|payments` appear as K2: `orders\|payments`/);
  });

  it('completes MM2 keys inside a connector config map', async () => {
    const text = k2Text.replace('          replication.policy.class: org.apache.kafka.connect.mirror.IdentityReplicationPolicy\n      checkpointConnector', '          replication.policy.class: org.apache.kafka.connect.mirror.IdentityReplicationPolicy\n          sync\n      checkpointConnector');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: INTO_K2, version: 2 }, contentChanges: [{ text }] });
    const position = positionOf(text, '          sync\n', 14);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: INTO_K2 }, position });
    const item = items.find((i) => i.label === 'sync.group.offsets.enabled');
    assert.ok(item, `offers MM2 keys (got ${items.length})`);
    assert.equal((item!.textEdit as { newText: string }).newText, 'sync.group.offsets.enabled: ');
    const outside = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: INTO_K2 }, position: { line: 6, character: 2 } });
    assert.deepEqual(outside, []);
  });
});
