import type { Generated } from 'kysely';

export const organisationTypes = ['secretariat', 'state_body', 'un_entity', 'igo', 'ngo', 'research', 'donor', 'private_sector'] as const;
export type OrganisationType = (typeof organisationTypes)[number];

export interface RegistryTables {
  organisations: {
    id: Generated<string>;
    type: OrganisationType;
    name: string;
    acronym: string | null;
    /** The State a State body belongs to, or an organisation's seat; ISO 3166-1 alpha-3. */
    country_iso3: string | null;
    parent_id: string | null;
    website: string | null;
    is_demo: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
}
