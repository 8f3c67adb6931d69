import type { Generated } from 'kysely';
import type { Language } from '../../platform/i18n.ts';

export const organisationTypes = ['secretariat', 'state_body', 'un_entity', 'igo', 'ngo', 'research', 'donor', 'private_sector'] as const;
export type OrganisationType = (typeof organisationTypes)[number];

/** The bodies an organisation can belong to: the Global Partnership (para 1) and the IAWG (para 5). */
export const membershipBodies = ['global_partnership', 'iawg'] as const;
export type MembershipBody = (typeof membershipBodies)[number];

/** Names or acronyms in some of the six UN languages (any subset). */
export type PartialLanguageNames = Partial<Record<Language, string>>;

export interface RegistryTables {
  organisations: {
    id: Generated<string>;
    type: OrganisationType;
    /** The display name (usually English); `names` holds it in other languages. */
    name: string;
    acronym: string | null;
    /** The State a State body belongs to, or an organisation's seat; ISO 3166-1 alpha-3. */
    country_iso3: string | null;
    parent_id: string | null;
    website: string | null;
    /** Added by registry-2. */
    names: Generated<PartialLanguageNames>;
    acronyms: Generated<PartialLanguageNames>;
    /** Other names it is known by (former names, spellings), for duplicate detection and search. */
    aliases: Generated<string[]>;
    /** IATI organisation identifier (e.g. XM-DAC-41123); unique when present. */
    iati_org_id: string | null;
    is_demo: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  organisation_memberships: {
    id: Generated<string>;
    organisation_id: string;
    body: MembershipBody;
    joined_on: string;
    /** Null while the membership is current. */
    left_on: string | null;
    notes: string | null;
    is_demo: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
}
