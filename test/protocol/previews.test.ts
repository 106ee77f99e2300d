import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hover, InlayHint } from 'vscode-languageserver-protocol';
import { TestClient, positionOf } from './lspClient';

const TEXT = [
  'clusters = K1, K2, K3',
  'K1.bootstrap.servers = k1:9092',
  'K2.bootstrap.servers = k2:9092',
  'K3.bootstrap.servers = k3:9092',
  'K1->K2.enabled = true',
  'K1->K2.topics = orders, payments, customer-.*',
  'K2->K3.enabled = true',
  '',
].join('\n');
const URI = 'file:///workspace/previews.mm2.properties';

describe('remote topic previews over stdio', () => {
  let client: TestClient;

  before(async () => {
    client = new TestClient();
    const result = await client.initialize({ workspace: { configuration: true }, textDocument: { inlayHint: { dynamicRegistration: false } } });
    assert.ok(result.capabilities.inlayHintProvider);
    await client.open(URI, TEXT);
    await client.nextDiagnostics(URI);
  });

  after(async () => {
    await client.shutdown();
  });

  it('hovers a flow key with the remote names it creates, hop by hop', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: positionOf(TEXT, 'K1->K2.enabled', 9) });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /Remote topics of \*\*K1->K2\*\* \(DefaultReplicationPolicy\): `K1\.orders`, `K1\.payments`, `K1\.customer-\*`/);
    assert.match(value, /`orders` of K1 → K2: `K1\.orders`; K3: `K2\.K1\.orders` \(via K2\)/);
  });

  it('hovers a topic in a topics value with where it ends up', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: positionOf(TEXT, 'payments', 2) });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /Where `payments` ends up:\n- `payments` of K1 → K2: `K1\.payments`; K3: `K2\.K1\.payments` \(via K2\)/);
  });

  it('shows an inlay hint after each enabled flow with what it produces', async () => {
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 8, character: 0 } },
    });
    assert.deepEqual(hints.map((h) => [h.position.line, h.label]), [
      [4, '  ⇒ K1→K2: K1.orders, K1.payments (+1)'],
      [6, '  ⇒ K2→K3: K2.*'],
    ]);
  });

  it('answers the preview request behind the Preview Remote Topic Names command', async () => {
    const clustersOnly = await client.request<{ clusters: string[] }>('mirrorlint/previewRemoteTopics', { uri: URI });
    assert.deepEqual(clustersOnly.clusters, ['K1', 'K2', 'K3']);
    const result = await client.request<{ previews: { cluster: string; name: string; path: string[] }[] }>('mirrorlint/previewRemoteTopics', { uri: URI, cluster: 'K1', topic: 'orders' });
    assert.deepEqual(result.previews, [
      { cluster: 'K2', name: 'K1.orders', path: ['K1', 'K2'] },
      { cluster: 'K3', name: 'K2.K1.orders', path: ['K1', 'K2', 'K3'] },
    ]);
  });
});
