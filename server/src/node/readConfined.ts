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
  const stat = fs.statSync(real);
  if (!stat.isFile()) return { reason: 'it is not a regular file' };
  if (stat.size > maxBytes) return { reason: `it is larger than ${Math.round(maxBytes / 1024)} KB` };
  return { text: fs.readFileSync(real, 'utf8') };
}
