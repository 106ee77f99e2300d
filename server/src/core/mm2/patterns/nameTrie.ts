import type { ReadonlyDFA } from 'refa';

interface TrieNode {
  children: Map<number, TrieNode>;
  /** The name that ends here, if one does. */
  name?: string;
}

/**
 * Topic names indexed by their characters. A pattern's matches among ten thousand names come from
 * walking the trie and the pattern's automaton together, visiting each shared prefix once and
 * stopping where the automaton has no way on, instead of testing every name.
 */
export class NameTrie {
  private readonly root: TrieNode = { children: new Map() };

  constructor(names: Iterable<string>) {
    for (const name of names) {
      let node = this.root;
      for (let i = 0; i < name.length; i++) {
        const code = name.charCodeAt(i);
        let next = node.children.get(code);
        if (!next) node.children.set(code, (next = { children: new Map() }));
        node = next;
      }
      node.name = name;
    }
  }

  /** The names that start with `prefix`. */
  withPrefix(prefix: string): string[] {
    let node: TrieNode | undefined = this.root;
    for (let i = 0; i < prefix.length && node; i++) node = node.children.get(prefix.charCodeAt(i));
    const found: string[] = [];
    const stack = node ? [node] : [];
    while (stack.length) {
      const current = stack.pop()!;
      if (current.name !== undefined) found.push(current.name);
      for (const child of current.children.values()) stack.push(child);
    }
    return found;
  }

  /** The names a DFA accepts. */
  acceptedBy(dfa: ReadonlyDFA): string[] {
    const found: string[] = [];
    const stack: [TrieNode, ReadonlyDFA['initial']][] = [[this.root, dfa.initial]];
    while (stack.length) {
      const [node, state] = stack.pop()!;
      if (node.name !== undefined && dfa.finals.has(state)) found.push(node.name);
      for (const [code, child] of node.children) {
        const next = state.out.get(code);
        if (next) stack.push([child, next]);
      }
    }
    return found;
  }
}
