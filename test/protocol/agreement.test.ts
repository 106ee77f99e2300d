import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { run } from '../../server/src/cli/main';
import type { PreviewRemoteTopicsResult, TopologyResult } from '../../shared/src/protocol';
import { clientOnCopyOf, diagnosticsUntil, positionOf } from './lspClient';

/** Every view of one workspace must tell the same story: they all read the one replay of the language service. */
function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-agree-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function cli(dir: string, args: string[]): { code: number; stdout: string } {
  let stdout = '';
  const code = run(args, dir, (t) => (stdout += t), () => undefined);
  return { code, stdout };
}

const CHAIN = ['A', 'B', 'C', 'D', 'E'];
const chainConfig = [
  `clusters = ${CHAIN.join(', ')}`,
  ...CHAIN.map((c) => `${c}.bootstrap.servers = ${c.toLowerCase()}:9092`),
  ...CHAIN.slice(0, -1).map((c, i) => `${c}->${CHAIN[i + 1]}.enabled = true`),
  '',
].join('\n');
const A_TOPOLOGY = 'kind: KafkaTopology\ncluster: A\ntopics:\n  orders: {}\n';
const EXPECTED = ['B: A.orders', 'C: B.A.orders', 'D: C.B.A.orders', 'E: D.C.B.A.orders'];

describe('views agree', () => {
  it('on the five-cluster chain A→B→C→D→E: hover, preview, tree and CLI all give orders four copies, to E', async () => {
    const dir = workspace({ 'mm2.properties': chainConfig, 'a.topology.yaml': A_TOPOLOGY });
    const { client, folder } = await clientOnCopyOf(dir, { pushDelayMs: 0 });
    const uri = pathToFileURL(path.join(folder, 'a.topology.yaml')).href;
    await client.open(uri, A_TOPOLOGY, 'yaml');
    await client.nextDiagnostics(uri);

    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(A_TOPOLOGY, 'orders', 2) });
    const fromHover = [...(hover.contents as { value: string }).value.matchAll(/- (\w): `([^`]+)`/g)].map((m) => `${m[1]}: ${m[2]}`);
    const preview = await client.request<PreviewRemoteTopicsResult>('mirrorlint/previewRemoteTopics', { uri, cluster: 'A', topic: 'orders' });
    const fromPreview = preview.previews.map((p) => `${p.cluster}: ${p.name}`);
    const tree = await client.request<TopologyResult>('mirrorlint/topology', {});
    const fromTree = tree.deployments[0].clusters.flatMap((c) => c.remoteTopics.filter((t) => t.originTopic === 'orders').map((t) => `${c.alias}: ${t.name}`));
    const json = JSON.parse(cli(dir, ['topology']).stdout);
    const fromCli = Object.entries(json.deployments[0].remoteTopics as Record<string, { name: string; originTopic: string }[]>).flatMap(([alias, topics]) => topics.filter((t) => t.originTopic === 'orders').map((t) => `${alias}: ${t.name}`));

    for (const [view, copies] of Object.entries({ hover: fromHover, preview: fromPreview, tree: fromTree, cli: fromCli })) assert.deepEqual([...copies].sort(), EXPECTED, view);
    assert.equal(preview.truncated, false);
    // Nobody declared topics in B..E: the tree lists none there.
    assert.deepEqual(tree.deployments[0].clusters.flatMap((c) => c.localTopics.map((t) => `${c.alias}: ${t.name}`)), ['A: orders']);
    assert.equal(await client.shutdown(), 0);
  });

  const dc = (env: string, flows: string[]) =>
    `clusters = K1, K2\nK1.bootstrap.servers = ${env}-1:9092\nK2.bootstrap.servers = ${env}-2:9092\nreplication.policy.class = org.apache.kafka.connect.mirror.IdentityReplicationPolicy\ntopics = orders\n${flows.map((f) => `${f}.enabled = true`).join('\n')}\n`;

  for (const [title, files, loops] of [
    ['staging/ and prod/ reuse aliases for other clusters: no loop in check, topology or the editor', { 'staging/mm2.properties': dc('staging', ['K2->K1']), 'prod/mm2.properties': dc('prod', ['K1->K2']) }, 0],
    ['prod/ alone loops: the same one loop in check, topology and the editor', { 'staging/mm2.properties': dc('staging', ['K2->K1']), 'prod/mm2.properties': dc('prod', ['K1->K2', 'K2->K1']) }, 1],
  ] as const) {
    it(title, async () => {
      const dir = workspace(files);
      const check = JSON.parse(cli(dir, ['check', '--format', 'json']).stdout).findings.filter((f: { rule: string }) => f.rule === 'replication-cycle');
      const topology = JSON.parse(cli(dir, ['topology']).stdout);
      const loopFlows = topology.deployments.flatMap((d: { flows: { loop: boolean; id: string }[] }) => d.flows.filter((f) => f.loop));
      const mermaid = cli(dir, ['topology', '--format', 'mermaid']).stdout;
      assert.equal(check.length, loops, 'check');
      assert.equal(topology.deployments.length, 2, 'two deployments, not one');
      assert.equal(loopFlows.length, loops * 2, 'topology JSON');
      assert.equal((mermaid.match(/LOOP · /g) ?? []).length, loops * 2, 'mermaid');

      const { client, folder } = await clientOnCopyOf(dir, { pushDelayMs: 0 });
      const prod = pathToFileURL(path.join(folder, 'prod', 'mm2.properties')).href;
      const diagnostics = await diagnosticsUntil(client, prod, () => true);
      assert.equal(diagnostics.filter((d) => d.code === 'replication-cycle').length, loops, 'editor diagnostics');
      const tree = await client.request<TopologyResult>('mirrorlint/topology', {});
      assert.equal(tree.deployments.flatMap((d) => d.flows.filter((f) => f.loop)).length, loops * 2, 'editor tree');
      assert.equal((tree.deployments.map((d) => d.mermaid).join('').match(/LOOP · /g) ?? []).length, loops * 2, 'editor diagram');
      assert.equal(await client.shutdown(), 0);
    });
  }
});
