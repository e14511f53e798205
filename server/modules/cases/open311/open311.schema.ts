import { Type } from 'typebox';
import { S } from '../../../platform/http/schema.ts';

/**
 * Request schemas of the Open311 GET methods. The format is a path parameter checked before validation (an
 * unknown format is the spec's 404, not a 400); unknown query parameters are a 400 like everywhere else.
 */
const format = Type.String({ description: "'json' or 'xml' (the URL's extension)" });

export const FormatParams = S.object({ format });
export const ServiceCodeParams = S.object({
  service_code: Type.String({ maxLength: 100, description: 'GB/T 47678.5-2026 code, e.g. 06001' }),
  format,
});

export const Open311ReadQuery = S.object({
  jurisdiction_id: Type.Optional(Type.String({ maxLength: 255, description: "Optional: this county's code (430225) or the domain the API is reached on" })),
  // GETs need no key (spec tables: "Requires API Key: No"), but FixMyStreet-style clients may send one anyway.
  api_key: Type.Optional(Type.String({ maxLength: 200, description: 'Ignored on reads' })),
});
