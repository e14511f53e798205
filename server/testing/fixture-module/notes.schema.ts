import { type Static, Type } from 'typebox';
import { S } from '../../platform/http/schema.ts';

export const NotesQuery = S.object({
  township: Type.Optional(S.regionCode('Only the notes of this township (or village)')),
});

export const NoteListSchema = Type.Object({
  items: Type.Array(Type.Object({ id: Type.String(), areaCode: Type.String(), body: Type.String() })),
});

export type NotesQuery = Static<typeof NotesQuery>;
export type NoteList = Static<typeof NoteListSchema>;
