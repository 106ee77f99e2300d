import Ajv, { type Options, type ValidateFunction } from 'ajv';

/**
 * A validator for one of MirrorLint's own JSON schemas. They are not checked against JSON Schema's
 * meta-schema here (a third of compiling them, paid on a cold start): test/core/base/schemas.test.ts
 * checks every schema under schemas/ with it instead.
 */
export function compileOwnSchema(schema: object, options: Options = {}): ValidateFunction {
  return new Ajv({ allErrors: true, strict: false, validateSchema: false, ...options }).compile(schema);
}
