import type { Generated } from 'kysely';
import type { LanguageNames } from '../../platform/i18n.ts';

/** What a State can do about a treaty (as the UN Treaty Collection records it). */
export const treatyActions = ['signature', 'ratification', 'accession', 'acceptance', 'approval', 'succession'] as const;
export type TreatyAction = (typeof treatyActions)[number];

/** Each of these makes a State a party (consent to be bound); a signature alone does not. */
export const partyActions: readonly TreatyAction[] = ['ratification', 'accession', 'acceptance', 'approval', 'succession'];

export interface TreatyTables {
  /** Reference table: the instruments tracked, seeded by the treaties migration. */
  treaty_instruments: {
    code: string;
    names: LanguageNames;
    short_name: string;
    adopted_on: string;
    /** The convention a protocol supplements, when it is tracked too. */
    parent_code: string | null;
    /** The actions a State can take on it (ILO conventions are ratified, never signed). */
    actions: TreatyAction[];
    sort_order: number;
  };
  /** A State's data: keyed by country first (see the sharding rule in docs/architecture.md). */
  treaty_actions: {
    country_iso3: string;
    instrument: string;
    action: TreatyAction;
    action_date: string;
    notes: string | null;
    is_demo: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
}
