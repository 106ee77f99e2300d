// The server's entry loads its bundle with V8's code cache (server/src/lsp/start.ts). A cache must
// never change what the server does: written when it exits, taken at the next start, replaced when
// V8 rejects it, and not used at all from a directory other users could write in.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TestClient } from './lspClient';

const URI = 'file:///work/mm2.properties';
// A replication loop: findings to compare between starts.
const TEXT = 'clusters = K1, K2\nK1.bootstrap.servers = k1:9092\nK2.bootstrap.servers = k2:9092\nK1->K2.enabled = true\nK2->K1.enabled = true\nreplication.policy.class = org.apache.kafka.connect.mirror.IdentityReplicationPolicy\n';

/** Starts the server with the cache in `directory`, lints one file and stops it: the diagnostics, as data. */
async function run(directory: string): Promise<unknown> {
  const client = new TestClient({ args: [`--code-cache=${directory}`] });
  await client.initialize({ workspace: { configuration: true } }, { pushDelayMs: 0 });
  await client.open(URI, TEXT);
  const { diagnostics } = await client.nextDiagnostics(URI, 30_000);
  assert.equal(await client.shutdown(), 0);
  return diagnostics.map((d) => [d.code, d.range, d.message]);
}

const caches = (directory: string) => fs.readdirSync(directory).filter((f) => /^server-.*\.bin$/.test(f));

describe('the server bundle loaded with a code cache', () => {
  it('writes a cache when it exits, starts from it with the same findings, and replaces a cache V8 rejects', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-cache-test-'));
    fs.chmodSync(directory, 0o700);
    const first = await run(directory);
    assert.ok(Array.isArray(first) && first.length > 0, 'the file has findings');
    const [cache] = caches(directory);
    assert.ok(cache, 'a cache was written');
    const written = fs.readFileSync(path.join(directory, cache));
    assert.ok(written.length > 100_000, `${written.length} bytes`);

    // Taken: same findings, and the cache is not written again.
    assert.deepEqual(await run(directory), first);
    assert.deepEqual(fs.readFileSync(path.join(directory, cache)), written);

    // Garbage under the right name: V8 rejects it, the server runs as ever and writes a good one.
    fs.writeFileSync(path.join(directory, cache), Buffer.alloc(4096, 7));
    assert.deepEqual(await run(directory), first);
    assert.deepEqual(caches(directory), [cache]);
    assert.ok(fs.readFileSync(path.join(directory, cache)).length > 100_000, 'replaced');
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('uses no cache from a directory others may write in, or through a symbolic link', { skip: process.platform === 'win32' }, async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-cache-test-'));
    fs.chmodSync(directory, 0o777);
    await run(directory);
    assert.deepEqual(caches(directory), []);
    // Nor through a symbolic link to a folder that would do.
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-cache-test-'));
    fs.chmodSync(target, 0o700);
    const link = path.join(directory, 'link');
    fs.symlinkSync(target, link);
    await run(link);
    assert.deepEqual(caches(target), []);
    fs.rmSync(directory, { recursive: true, force: true });
    fs.rmSync(target, { recursive: true, force: true });
  });
});
