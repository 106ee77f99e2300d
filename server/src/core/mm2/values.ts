import { closestMatch } from '../base/closest';
import type { PropertyInfo } from './catalog';
import { splitList } from './lists';
import type { KafkaSemantics } from './versions';

export interface ValueProblem {
  message: string;
  /** A corrected value, when one is unambiguous. */
  replacement?: string;
  /** The release from which Kafka rejects it (older ones accept it). */
  since?: string;
  /** List problems: which check of ConfigDef's list validation it is. */
  listCheck?: 'empty-item' | 'repeated-item';
}

const INTEGER_LIMITS: Record<string, [bigint, bigint]> = {
  short: [-32768n, 32767n],
  int: [-2147483648n, 2147483647n],
  long: [-9223372036854775808n, 9223372036854775807n],
};

const JAVA_CLASS_NAME = /^(?:[\p{L}_$][\p{L}\p{N}_$]*\.)*[\p{L}_$][\p{L}\p{N}_$]*(?:\$[\p{L}\p{N}_$]+)*$/u;
// Kafka's Utils.HOST_PORT_PATTERN, as ClientUtils.parseAndValidateAddresses applies it: a protocol prefix (`SASL_SSL://`) is fine.
const HOST_PORT = /^(?:[0-9a-zA-Z\-%._]*:\/\/)?\[?([0-9a-zA-Z\-%._:]*)\]?:([0-9]+)$/;
const DURATION_WITH_UNIT = /^(\d+)\s*(ms|s|m|h|d|sec|secs|seconds|min|mins|minutes|hours)$/i;

/**
 * Kafka 4.2+ list validation: ConfigDef rejects an empty item in any LIST value, and a connector's
 * validate() rejects repeated items where its ConfigDef wants unique ones. Older releases accept both.
 */
export function validateListItems(info: PropertyInfo, rawValue: string, kafka: KafkaSemantics): ValueProblem | undefined {
  if (info.type !== 'list' || isIndirect(rawValue)) return undefined;
  const items = splitList(rawValue).map((i) => i.item);
  const kept = [...new Set(items.filter((item) => item !== ''))];
  if (!kafka.validatesListItems) {
    // Before 4.2 an empty item is kept: in `clusters` it is one more cluster, named "", that MM2 pairs with every other.
    return info.name === 'clusters' && items.includes('') ? { message: '`clusters` has an empty item, which Kafka before 4.2 reads as a cluster named `""`.', replacement: kept.join(', '), listCheck: 'empty-item' } : undefined;
  }
  // `clusters` is wrong either way (a cluster named "" before 4.2), so only other lists depend on the release.
  if (items.includes('')) return { message: `\`${info.name}\` has an empty item, which Kafka 4.2 and later reject.`, replacement: kept.join(', '), since: info.name === 'clusters' ? undefined : '4.2', listCheck: 'empty-item' };
  if (info.uniqueItems && kept.length < items.length) {
    const repeated = [...new Set(items.filter((item, i) => items.indexOf(item) !== i))];
    return { message: `\`${info.name}\` repeats ${repeated.map((r) => `\`${r}\``).join(', ')}, which Kafka 4.2 and later reject.`, replacement: kept.join(', '), since: '4.2', listCheck: 'repeated-item' };
  }
  return undefined;
}

/** Values resolved at runtime by a ConfigProvider (`${file:…}`) cannot be checked statically. */
export function isIndirect(value: string): boolean {
  return value.includes('${');
}

/** Checks a value against what Kafka's ConfigDef would accept for `info`. */
export function validateValue(info: PropertyInfo, rawValue: string): ValueProblem | undefined {
  const value = rawValue.trim();
  if (isIndirect(value)) return undefined;
  switch (info.type) {
    case 'boolean':
      if (!/^(true|false)$/i.test(value)) {
        const hint = /^(yes|on|1|enabled?)$/i.test(value) ? 'true' : /^(no|off|0|disabled?)$/i.test(value) ? 'false' : closestMatch(value.toLowerCase(), ['true', 'false']);
        return { message: `\`${info.name}\` must be \`true\` or \`false\`, not \`${value}\`.`, replacement: hint };
      }
      return undefined;
    case 'short':
    case 'int':
    case 'long':
      return validateInteger(info, value);
    case 'double':
      return Number.isFinite(Number(value)) && value !== '' ? undefined : { message: `\`${info.name}\` must be a number, not \`${value}\`.` };
    case 'class':
      if (value === '' && info.defaultValue === undefined) return undefined;
      return JAVA_CLASS_NAME.test(value)
        ? undefined
        : { message: `\`${info.name}\` must be a fully qualified Java class name. \`${value}\` is not one; for example: \`${info.knownClasses?.[0] ?? 'com.example.MyClass'}\`.` };
    case 'list':
      if (info.name === 'bootstrap.servers') return validateBootstrapServers(value);
      return undefined;
    case 'string':
    case 'password':
      if (info.validValues) return validateEnum(info, value);
      return undefined;
  }
}

function validateInteger(info: PropertyInfo, value: string): ValueProblem | undefined {
  if (!/^[+-]?\d+$/.test(value)) {
    const withUnit = DURATION_WITH_UNIT.exec(value);
    if (info.unit && withUnit) {
      const seconds = toSeconds(Number(withUnit[1]), withUnit[2].toLowerCase());
      const replacement = seconds === undefined ? undefined : String(info.unit === 'ms' ? seconds * 1000 : seconds);
      return {
        message: `\`${info.name}\` takes a plain number of ${info.unit === 'ms' ? 'milliseconds' : 'seconds'}. Kafka does not read units like \`${value}\`${replacement ? `: write \`${replacement}\`` : ''}.`,
        replacement,
      };
    }
    return { message: `\`${info.name}\` must be a whole number${info.unit ? ` of ${info.unit === 'ms' ? 'milliseconds' : 'seconds'}` : ''}, not \`${value}\`.` };
  }
  const [min, max] = INTEGER_LIMITS[info.type];
  const parsed = BigInt(value);
  if (parsed < min || parsed > max) return { message: `\`${info.name}\` is a Java ${info.type}; \`${value}\` is out of range (${min}..${max}).` };
  if (info.min !== undefined && parsed < BigInt(info.min)) {
    const factor = info.name.endsWith('replication.factor') ? ' (use -1 for the broker default)' : '';
    return { message: `\`${info.name}\` must be at least ${info.min}${factor}, not \`${value}\`.` };
  }
  if (info.name.endsWith('replication.factor') && parsed === 0n) return { message: `\`${info.name}\` cannot be 0: use -1 for the broker default, or 1 and more.` };
  return undefined;
}

function toSeconds(amount: number, unit: string): number | undefined {
  if (unit === 'ms') return amount % 1000 === 0 ? amount / 1000 : undefined;
  if (unit.startsWith('s')) return amount;
  if (unit.startsWith('m')) return amount * 60;
  if (unit.startsWith('h')) return amount * 3600;
  if (unit === 'd') return amount * 86400;
  return undefined;
}

function validateEnum(info: PropertyInfo, value: string): ValueProblem | undefined {
  const valid = info.validValues ?? [];
  const exact = valid.includes(value);
  const caseMatch = valid.find((v) => v.toLowerCase() === value.toLowerCase());
  if (exact || (info.caseInsensitive && caseMatch)) return undefined;
  return {
    message: `\`${info.name}\` must be one of ${valid.map((v) => `\`${v}\``).join(', ')}, not \`${value}\`.`,
    replacement: caseMatch,
  };
}

function validateBootstrapServers(value: string): ValueProblem | undefined {
  if (value === '') return { message: '`bootstrap.servers` is empty: give at least one `host:port`.' };
  const bad = value.split(/\s*,\s*/).filter((server) => server !== '' && !HOST_PORT.test(server));
  if (bad.length === 0) return undefined;
  return { message: `\`bootstrap.servers\` entries must be \`host:port\`; ${bad.map((b) => `\`${b}\``).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not.` };
}
