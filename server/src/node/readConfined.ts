import * as fs from 'node:fs';
import * as path from 'node:path';

/** Referenced files (schemas) bigger than this are not read. */
export const MAX_REFERENCED_BYTES = 1024 * 1024;

export type ConfinedRead = { text: string; reason?: undefined } | { text?: undefined; reason: string };

const inside = (file: string, root: string): boolean => {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

/**
 * Reads a file a declaration names, only when it is a regular file of sane size inside one of the
 * roots after symlinks are resolved: a declaration must not read (or probe) files outside the
 * workspace, nor hang on a FIFO or a device.
 */
export function readConfined(file: string, roots: string[], maxBytes = MAX_REFERENCED_BYTES): ConfinedRead {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return { reason: 'it does not exist' };
  }
  const realRoots = roots.flatMap((root) => {
    try {
      return [fs.realpathSync(root)];
    } catch {
      return [];
    }
  });
  if (!realRoots.some((root) => inside(real, root))) return { reason: 'it is outside the workspace' };
  // Opened without blocking (a FIFO would wait for a writer), checked on the descriptor that is read
  // (the file cannot be swapped in between), and read no further than the limit.
  let fd: number;
  try {
    fd = fs.openSync(real, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch {
    return { reason: 'it cannot be opened' };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { reason: 'it is not a regular file' };
    if (stat.size > maxBytes) return { reason: `it is larger than ${Math.round(maxBytes / 1024)} KB` };
    const buffer = Buffer.alloc(maxBytes + 1);
    const length = fs.readSync(fd, buffer, 0, buffer.length, 0);
    if (length > maxBytes) return { reason: `it is larger than ${Math.round(maxBytes / 1024)} KB` };
    return { text: buffer.subarray(0, length).toString('utf8') };
  } finally {
    fs.closeSync(fd);
  }
}
