/**
 * Path arithmetic on the names files are analysed under: `file://` URIs in the server, absolute
 * paths in the CLI. Kept free of `node:path` so the core stays a pure library.
 */
const hasScheme = (name: string): boolean => /^[a-z][a-z0-9+.-]+:/i.test(name);
const slashes = (name: string): string => name.replace(/\\/g, '/');

/** The folder of a file, without a trailing slash. */
export function directoryOf(name: string): string {
  const normalised = slashes(name);
  const cut = normalised.lastIndexOf('/');
  return cut < 0 ? '' : normalised.slice(0, cut);
}

/** `name` relative to `directory` (decoded, `/`-separated), or undefined when it is not below it. */
export function relativeTo(directory: string, name: string): string | undefined {
  const normalised = slashes(name);
  if (directory === '') return hasScheme(normalised) ? undefined : decode(normalised);
  if (!normalised.startsWith(`${directory}/`)) return undefined;
  return decode(normalised.slice(directory.length + 1));
}

function decode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Resolves a path written in a file (`schemas/orders.avsc`, `../shared/x.avsc`) against that file's name. */
export function resolveFrom(base: string, relative: string): string {
  if (hasScheme(base)) {
    try {
      return new URL(relative.split('/').map(encodeURIComponent).join('/'), base).href;
    } catch {
      return relative;
    }
  }
  // An absolute path stays absolute (the host then decides whether it may read it).
  const parts = slashes(relative).startsWith('/') ? slashes(relative).split('/') : [...directoryOf(base).split('/'), ...slashes(relative).split('/')];
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === '..' && resolved.length > 1) resolved.pop();
    else if (part !== '.' && !(part === '' && resolved.length > 0)) resolved.push(part);
  }
  return resolved.join('/');
}

/** How a file at `target` is named from the folder of the file `from`: for references written into `from`. */
export function relativePath(from: string, target: string): string {
  const fromParts = directoryOf(slashes(from)).split('/');
  const targetParts = slashes(target).split('/');
  let common = 0;
  while (common < fromParts.length && common < targetParts.length - 1 && fromParts[common] === targetParts[common]) common++;
  const ups = fromParts.slice(common).map(() => '..');
  return decode([...ups, ...targetParts.slice(common)].join('/'));
}
