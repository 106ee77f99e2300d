// What was changed in place in a parsed YAML document. Edits re-parse only the line they touched
// and patch the tree (linePatch.ts); whatever was read from a document or a node before is stale
// when its revision moved.

const DOCUMENT_REVISIONS = new WeakMap<object, number>();

/**
 * How many times a document was changed in place (see documents.ts): what was read from it at an
 * earlier revision is stale. Moving a document does not count; its positions tell that.
 */
export function documentRevision(document: object): number {
  return DOCUMENT_REVISIONS.get(document) ?? 0;
}

/** Records that a document was changed in place. */
export function documentChanged(document: object): void {
  DOCUMENT_REVISIONS.set(document, documentRevision(document) + 1);
}

const NODE_REVISIONS = new WeakMap<object, number>();

/**
 * How many times something inside a node (a collection or a pair) was replaced in place by a line
 * patch: what was read from the node at another revision is stale. Its own position tells whether
 * it moved.
 */
export function nodeRevision(node: object): number {
  return NODE_REVISIONS.get(node) ?? 0;
}

/** Records that something inside each of `nodes` was replaced in place. */
export function nodesChanged(nodes: readonly object[]): void {
  for (const node of nodes) NODE_REVISIONS.set(node, nodeRevision(node) + 1);
}
