import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const BIN = path.join(__dirname, '..', '..', 'bin', 'mirrorlint.js');

const MM2 = 'clusters = K1, K2\nK1.bootstrap.servers = k1:9092\nK2.bootstrap.servers = k2:9092\nK1->K2.enabled = true\nK1->K2.topics = orders\n';
const SCHEMA = '{"type": "record", "name": "Order", "fields": []}\n';

/**
 * A workspace whose K1 and K2 both declare `orders-value`, K1 with a schema file inside the
 * workspace and K2 with `file` — the path under test. A declaration must not make MirrorLint read
 * (or compare against, which would leak one bit: "differs" or not) anything outside the folder
 * the CLI was given, nor hang on a FIFO or a device.
 */
function workspaceWith(k2File: string, setUp?: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-confined-'));
  const root = path.join(dir, 'ws');
  fs.mkdirSync(path.join(root, 'schemas'), { recursive: true });
  fs.writeFileSync(path.join(root, 'mm2.properties'), MM2);
  fs.writeFileSync(path.join(root, 'schemas', 'orders-value.avsc'), SCHEMA);
  fs.writeFileSync(path.join(root, 'k1.topology.yaml'), 'kind: KafkaTopology\ncluster: K1\ntopics: { orders: {} }\nschemas:\n  - { subject: orders-value, file: schemas/orders-value.avsc }\n');
  fs.writeFileSync(path.join(root, 'k2.topology.yaml'), `kind: KafkaTopology\ncluster: K2\ntopics: { orders: {} }\nschemas:\n  - { subject: orders-value, file: ${JSON.stringify(k2File)} }\n`);
  // A file beside the workspace that differs from K1's schema: comparing with it would say "differs".
  fs.writeFileSync(path.join(dir, 'secret.avsc'), '{"type": "string"}\n');
  setUp?.(root);
  return root;
}

function check(root: string): { code: number | null; findings: { rule: string; message: string }[]; ms: number } {
  const started = Date.now();
  const result = spawnSync(process.execPath, [BIN, 'check', root, '--format', 'json'], { encoding: 'utf8', timeout: 30_000 });
  assert.notEqual(result.signal, 'SIGTERM', 'the CLI hung');
  return { code: result.status, findings: JSON.parse(result.stdout).findings, ms: Date.now() - started };
}

const schemaFindings = (findings: { rule: string; message: string }[]) => findings.filter((f) => f.rule === 'schema-not-synced').map((f) => f.message);

describe('reads of files named by declarations stay in the workspace', () => {
  it('reads and compares a schema file inside the workspace', () => {
    const root = workspaceWith('other.avsc', (dir) => fs.writeFileSync(path.join(dir, 'other.avsc'), '{"type": "string"}\n'));
    assert.ok(schemaFindings(check(root).findings).some((m) => m.includes('different schemas')));
  });

  for (const [name, file, setUp, reason] of [
    ['a ../ path out of the workspace', '../secret.avsc', undefined, 'it is outside the workspace'],
    ['an absolute path out of it', '/etc/hostname', undefined, 'it is outside the workspace'],
    ['a symlink out of it', 'link.avsc', (dir: string) => fs.symlinkSync(path.join(dir, '..', 'secret.avsc'), path.join(dir, 'link.avsc')), 'it is outside the workspace'],
    ['/dev/zero, directly', '/dev/zero', undefined, 'it is outside the workspace'],
    ['/dev/zero through a symlink', 'zero.avsc', (dir: string) => fs.symlinkSync('/dev/zero', path.join(dir, 'zero.avsc')), 'it is outside the workspace'],
    ['a FIFO inside the workspace', 'pipe.avsc', (dir: string) => spawnSync('mkfifo', [path.join(dir, 'pipe.avsc')]), 'it is not a regular file'],
    ['a file over 1 MB', 'big.avsc', (dir: string) => fs.writeFileSync(path.join(dir, 'big.avsc'), ' '.repeat(2 * 1024 * 1024)), 'it is larger than 1024 KB'],
    ['a directory', 'schemas', undefined, 'it is not a regular file'],
  ] as const) {
    it(`does not read ${name}, and says why`, () => {
      const root = workspaceWith(file, setUp);
      const { findings, ms } = check(root);
      const messages = schemaFindings(findings);
      assert.ok(messages.includes(`Schema file \`${file}\` was not read: ${reason}.`), JSON.stringify(messages));
      assert.ok(!messages.some((m) => m.includes('different schemas')), 'nothing outside the workspace is compared');
      assert.ok(ms < 20_000, `took ${ms} ms`);
    });
  }
});
