/**
 * What a host answers when the core asks for a file a declaration names (a schema file): its text,
 * why it did not read it (outside the workspace, not a regular file, too large, missing), or
 * nothing when the host reads no files at all.
 */
export interface Unreadable {
  unreadable: string;
}

export type ReadResult = string | Unreadable | undefined;

export const textOf = (read: ReadResult): string | undefined => (typeof read === 'string' ? read : undefined);
