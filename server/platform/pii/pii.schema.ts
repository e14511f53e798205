import { type Static, Type } from 'typebox';
import { S } from '../http/schema.ts';
import { minReasonLength } from './reveal.ts';

export const RevealBody = S.object({
  objectType: Type.String({
    minLength: 1,
    maxLength: 40,
    pattern: '^[a-z][a-z0-9_.-]*$',
    description: "What the object is: 'user', …",
  }),
  objectId: Type.String({ minLength: 1, maxLength: 100, description: 'The object’s id' }),
  fields: Type.Array(Type.String({ minLength: 1, maxLength: 60, pattern: '^[A-Za-z][A-Za-z0-9_]*$' }), {
    minItems: 1,
    maxItems: 10,
    uniqueItems: true,
    description: 'Field names to reveal, e.g. ["phone"]',
  }),
  reason: Type.String({
    minLength: minReasonLength,
    maxLength: 200,
    description: 'Why the clear value is needed (audited)',
  }),
});
export type RevealBodyDto = Static<typeof RevealBody>;

export const RevealResponse = Type.Object({
  values: Type.Record(Type.String(), Type.String(), { description: 'The clear values, by field name' }),
});
