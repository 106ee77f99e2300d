import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as client from '../../client/src/protocol';
import * as server from '../../server/src/lsp/protocol';

// Compile-time: what the server sends must be what the client reads, and the other way round.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const topologyAgrees: Same<client.TopologyResult, server.TopologyResult> = true;
const previewAgrees: Same<client.PreviewRemoteTopicsResult, server.PreviewRemoteTopicsResult> = true;

describe('client and server protocol', () => {
  it('agree on method names and shapes', async () => {
    const names = await import('../../client/src/protocol');
    assert.equal(names.TOPOLOGY, server.TopologyRequest.method);
    assert.equal(names.PREVIEW_REMOTE_TOPICS, server.PreviewRemoteTopicsRequest.method);
    assert.equal(names.TOPOLOGY_CHANGED, server.TopologyChangedNotification.method);
    assert.ok(topologyAgrees && previewAgrees);
  });
});
