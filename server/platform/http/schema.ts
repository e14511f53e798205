import { type TProperties, type TSchema, Type } from 'typebox';

/**
 * Schema helpers. `S.object` closes the object (unknown fields are a 400, the mass-assignment defence of
 * DESIGN rule 4); use it instead of `Type.Object` for every request schema.
 */
export const S = {
  object<P extends TProperties>(properties: P, options: { description?: string } = {}) {
    return Type.Object(properties, { ...options, additionalProperties: false });
  },
  /** One of a fixed list of strings (a JSON-schema `enum`, typed as the union of the values). */
  literals<const T extends readonly string[]>(values: T, options: { description?: string } = {}) {
    return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
  },
  regionCode(description = '行政区划代码 (2/4/6/9/12 digits)') {
    return Type.String({ pattern: '^[0-9]{2}([0-9]{2}([0-9]{2}([0-9]{3}([0-9]{3})?)?)?)?$', description });
  },
  page() {
    return {
      page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1 })),
      pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
    };
  },
  /**
   * The error shape, for OpenAPI; `meaning` says what the status means for this answer and which headers it
   * carries (`Retry-After`), as the document's response description and headers.
   */
  error(meaning: { description?: string; headers?: Record<string, TSchema> } = {}) {
    return Type.Object(
      {
        error: Type.Object({
          code: Type.String(),
          message: Type.String(),
          fields: Type.Optional(Type.Record(Type.String(), Type.String())),
        }),
      },
      meaning,
    );
  },
};
