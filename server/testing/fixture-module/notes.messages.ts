import type { MessageCatalogue } from '../../platform/module.ts';

/** Messages the module's errors name; zh and en carry the same codes (the manifest test checks). */
export const notesMessages: MessageCatalogue = {
  zh: { 'notes.township_outside_scope': '该乡镇不在您负责的区域内' },
  en: { 'notes.township_outside_scope': 'That township is outside your area' },
};
