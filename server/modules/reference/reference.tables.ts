import type { LanguageNames } from '../../platform/i18n.ts';

/** Standing at the United Nations: Member State, non-member observer State, or neither. */
export type UnStatus = 'member' | 'observer' | 'none';

export interface ReferenceTables {
  m49_areas: {
    code: string;
    type: 'world' | 'region' | 'subregion' | 'intermediate';
    parent_code: string | null;
    names: LanguageNames;
  };
  countries: {
    iso2: string;
    iso3: string;
    numeric: string;
    region_code: string | null;
    subregion_code: string | null;
    intermediate_region_code: string | null;
    un_status: UnStatus;
    names: LanguageNames;
  };
}
