import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as net from 'node:net';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import { describe, it } from 'node:test';
import type { CheckLiveResult } from '../../shared/src/protocol';
import { TestClient } from './lspClient';

/** Live mode over stdio without clusters: the refusals and failures (the real clusters are in test/live). */
describe('live mode over stdio', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-live-lsp-'));
  const config = pathToFileURL(path.join(folder, '.mirrorlint.yaml')).href;

  const withServer = async (options: unknown, configText: string | undefined, check: (result: CheckLiveResult) => void): Promise<void> => {
    const client = new TestClient();
    try {
      await client.initialize({ workspace: { configuration: true } }, options);
      if (configText !== undefined) await client.open(config, configText, 'yaml');
      check(await client.request<CheckLiveResult>('mirrorlint/checkLive', {}));
    } finally {
      await client.shutdown();
    }
  };

  it('says what to add when no cluster is configured', () =>
    withServer(undefined, 'rules: {}\n', (result) => {
      assert.deepEqual(result.clusters, []);
      assert.match(result.errors.join(' '), /add a `live:` section/);
    }));

  it('refuses in an untrusted workspace', () =>
    withServer({ restricted: true }, 'live:\n  K1: { bootstrapServers: "127.0.0.1:1" }\n', (result) => {
      assert.match(result.errors.join(' '), /untrusted workspace/);
    }));

  it('answers a cancel at once, mid-read, and reports nothing', async () => {
    // A "broker" that accepts connections and never answers: the read would wait for its time limit.
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const client = new TestClient();
    try {
      await client.initialize({ workspace: { configuration: true } });
      await client.open(config, `live:\n  K1: { bootstrapServers: "127.0.0.1:${port}" }\n`, 'yaml');
      const source = new CancellationTokenSource();
      const started = Date.now();
      const pending = client.connection.sendRequest<CheckLiveResult>('mirrorlint/checkLive', {}, source.token);
      setTimeout(() => source.cancel(), 500);
      const result = await pending;
      assert.deepEqual(result, { clusters: [], errors: ['Cancelled.'] });
      assert.ok(Date.now() - started < 5_000, `${Date.now() - started} ms`);
    } finally {
      await client.shutdown();
      silent.close();
    }
  });

  it('reports an unreachable cluster and checks nothing', () =>
    withServer(undefined, 'live:\n  K1: { bootstrapServers: "127.0.0.1:1" }\n', (result) => {
      assert.deepEqual(result.clusters, []);
      assert.match(result.errors.join(' '), /^K1 \(127\.0\.0\.1:1\): .*Cannot connect/);
      assert.equal(result.uri, undefined);
    }));
});
