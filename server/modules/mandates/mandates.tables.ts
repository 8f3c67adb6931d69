import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, T | string, T | string>;

/** The bodies whose decisions are tracked. */
export const mandateBodies = ['general_assembly', 'ecosoc', 'ccpcj', 'cop_untoc', 'hrc'] as const;
export type MandateBody = (typeof mandateBodies)[number];

export interface MandatesTables {
  mandates: {
    id: Generated<string>;
    /** As the body writes it, e.g. "A/RES/61/180". */
    symbol: string;
    /** Upper-cased, whitespace removed: what references are matched on. */
    symbol_key: string;
    body: MandateBody;
    adopted_on: ColumnType<string, string, string>;
    title: Json<Record<string, string>>;
    /** The paragraph summaries are demonstration text, not an authoritative digest. */
    demonstration_summaries: Generated<boolean>;
    is_demo: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  mandate_paragraphs: {
    mandate_id: string;
    /** Canonical: lower case, no whitespace, e.g. "6(b)". */
    label: string;
    position: number;
    summary: Json<Record<string, string>>;
    ref_key: string;
    is_demo: Generated<boolean>;
  };
}
