import type { HclBlock, HclExpr, HclFile } from './syntax';

/** One `.tf` file of a module, parsed. */
export interface ModuleFile {
  uri: string;
  text: string;
  hcl: HclFile;
}

/** Where a resolved value is written: the literal expression and its file. */
export interface Origin {
  uri: string;
  expr: HclExpr;
}

/**
 * A value MirrorLint could work out without running Terraform: literals, variable defaults, locals
 * and arguments of other resources of the module. Anything else (tfvars, computed attributes,
 * functions) is unknown, and nothing is concluded from it.
 */
export type HclValue =
  | { kind: 'string'; value: string; origin: Origin }
  | { kind: 'number'; value: string; origin: Origin }
  | { kind: 'bool'; value: boolean; origin: Origin }
  | { kind: 'null'; origin: Origin }
  | { kind: 'list'; items: HclValue[]; origin: Origin }
  | { kind: 'map'; entries: Map<string, HclValue>; origin: Origin };

export interface PlacedBlock {
  uri: string;
  block: HclBlock;
}

/** Deeper than this, references are taken to loop. */
const MAX_HOPS = 16;

/** A value as MM2 reads a config string: lists joined with commas. Undefined when not scalar-like. */
export function configString(value: HclValue | undefined): string | undefined {
  if (!value) return undefined;
  switch (value.kind) {
    case 'string':
    case 'number':
      return value.value;
    case 'bool':
      return String(value.value);
    case 'list': {
      const items = value.items.map(configString);
      return items.every((i) => i !== undefined) ? items.join(',') : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * All `.tf` files of one folder, read together as Terraform reads a module: variables, locals,
 * resources and data sources by address, and the resolution of references between them.
 */
export class TerraformModule {
  private readonly variables = new Map<string, { uri: string; value?: HclExpr }>();
  private readonly locals = new Map<string, Origin>();
  private readonly byAddress = new Map<string, PlacedBlock>();
  private readonly byType = new Map<string, PlacedBlock[]>();

  constructor(readonly files: ModuleFile[]) {
    for (const { uri, hcl } of files) {
      for (const block of hcl.body.blocks) {
        const [first, second] = block.labels.map((l) => l.value);
        if (block.type === 'variable' && first !== undefined) {
          this.variables.set(first, { uri, value: block.body.attributes.find((a) => a.name === 'default')?.value });
        } else if (block.type === 'locals') {
          for (const attribute of block.body.attributes) this.locals.set(attribute.name, { uri, expr: attribute.value });
        } else if ((block.type === 'resource' || block.type === 'data') && first !== undefined && second !== undefined) {
          const placed = { uri, block };
          this.byAddress.set(`${block.type === 'data' ? 'data.' : ''}${first}.${second}`, placed);
          if (block.type === 'resource') {
            const list = this.byType.get(first);
            if (list) list.push(placed);
            else this.byType.set(first, [placed]);
          }
        }
      }
    }
  }

  /** The resources of a type, in file order. */
  resources(type: string): PlacedBlock[] {
    return this.byType.get(type) ?? [];
  }

  /** The value of an argument of a block (`attribute` of a nested block with a path `a.b.c`). */
  argument(placed: PlacedBlock, path: string): HclValue | undefined {
    const expr = argumentExpr(placed.block, path);
    return expr && this.resolve(expr, placed.uri);
  }

  /** What an expression written in `uri` evaluates to, when MirrorLint can tell; undefined otherwise. */
  resolve(expr: HclExpr, uri: string, hops = 0): HclValue | undefined {
    if (hops > MAX_HOPS) return undefined;
    const origin = { uri, expr };
    switch (expr.kind) {
      case 'string':
        return { kind: 'string', value: expr.value, origin };
      case 'number':
        return { kind: 'number', value: expr.value, origin };
      case 'bool':
        return { kind: 'bool', value: expr.value, origin };
      case 'null':
        return { kind: 'null', origin };
      case 'tuple': {
        const items = expr.items.map((item) => this.resolve(item, uri, hops + 1));
        return items.every((i) => i !== undefined) ? { kind: 'list', items: items as HclValue[], origin } : undefined;
      }
      case 'object': {
        const entries = new Map<string, HclValue>();
        for (const entry of expr.entries) {
          const value = this.resolve(entry.value, uri, hops + 1);
          if (!value) return undefined;
          entries.set(entry.key, value);
        }
        return { kind: 'map', entries, origin };
      }
      case 'template': {
        let text = '';
        for (const part of expr.parts) {
          if (typeof part === 'string') text += part;
          else if (part.kind === 'reference' && part.path.join('.') === 'path.module') text += '.';
          else {
            const value = this.resolve(part, uri, hops + 1);
            if (!value || (value.kind !== 'string' && value.kind !== 'number' && value.kind !== 'bool')) return undefined;
            text += configString(value);
          }
        }
        return { kind: 'string', value: text, origin };
      }
      case 'reference':
        return this.dereference(expr.path, hops);
      default:
        return undefined;
    }
  }

  private dereference(path: string[], hops: number): HclValue | undefined {
    const [head, name, ...rest] = path;
    if (name === undefined) return undefined;
    if (head === 'var') {
      const variable = this.variables.get(name);
      return variable?.value ? within(this.resolve(variable.value, variable.uri, hops + 1), rest) : undefined;
    }
    if (head === 'local') {
      const local = this.locals.get(name);
      return local ? within(this.resolve(local.expr, local.uri, hops + 1), rest) : undefined;
    }
    const dataSource = head === 'data';
    const address = dataSource ? `data.${name}.${rest[0]}` : `${head}.${name}`;
    const placed = this.byAddress.get(address);
    const attribute = dataSource ? rest[1] : rest[0];
    const deeper = dataSource ? rest.slice(2) : rest.slice(1);
    if (!placed || attribute === undefined) return undefined;
    const expr = placed.block.body.attributes.find((a) => a.name === attribute)?.value;
    return expr ? within(this.resolve(expr, placed.uri, hops + 1), deeper) : undefined;
  }
}

/** `value.a.b` for maps; undefined when the path leads nowhere known. */
function within(value: HclValue | undefined, path: string[]): HclValue | undefined {
  let current = value;
  for (const key of path) current = current?.kind === 'map' ? current.entries.get(key) : undefined;
  return current;
}

/** The expression of `path` (`a`, or `block.a` through nested blocks) in a block, as written. */
export function argumentExpr(block: HclBlock, path: string): HclExpr | undefined {
  const parts = path.split('.');
  let current: HclBlock | undefined = block;
  for (const part of parts.slice(0, -1)) current = current?.body.blocks.find((b) => b.type === part);
  return current?.body.attributes.find((a) => a.name === parts[parts.length - 1])?.value;
}

/** The nested block at `path` (`kafka_mirrormaker_user_config.kafka_mirrormaker`), if written. */
export function nestedBlock(block: HclBlock, path: string): HclBlock | undefined {
  let current: HclBlock | undefined = block;
  for (const part of path.split('.')) current = current?.body.blocks.find((b) => b.type === part);
  return current;
}
