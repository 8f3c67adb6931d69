// Labels of the value sets in the reader's language (the API exchanges the codes).
import type { MessageKey } from '../i18n/catalogue.ts';

export type ValueSet =
  | 'gender'
  | 'form'
  | 'entity'
  | 'stage'
  | 'tstatus'
  | 'decided'
  | 'iccs'
  | 'outcome'
  | 'status'
  | 'kind'
  | 'sexType'
  | 'isic'
  | 'control'
  | 'recruit'
  | 'relation'
  | 'assist'
  | 'role';

/** The message key of one value's label. */
export const labelKey = (set: ValueSet, value: string): MessageKey => `incidents.${set}.${value}` as MessageKey;
