import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { TreatyAction } from './treaties.tables.ts';

export interface ActionKey {
  country_iso3: string;
  instrument: string;
  action: TreatyAction;
  action_date: string;
}

export interface ActionValues extends ActionKey {
  notes: string | null;
}

const BATCH = 500;

/** All SQL of the treaties module. */
export class TreatiesRepository {
  constructor(private readonly db: Kysely<DB>) {}

  instruments() {
    return this.db.selectFrom('treaty_instruments').selectAll().orderBy('sort_order').execute();
  }

  /** Every action on one instrument (about one row per State: an aggregate view, not a hot path). */
  actionsOf(instrument: string) {
    return this.db
      .selectFrom('treaty_actions')
      .select(['country_iso3', 'action', 'action_date', 'notes', 'is_demo'])
      .where('instrument', '=', instrument)
      .orderBy('country_iso3')
      .orderBy('action_date')
      .execute();
  }

  /** One State's actions on every instrument. */
  actionsOfCountry(iso3: string) {
    return this.db
      .selectFrom('treaty_actions')
      .select(['instrument', 'action', 'action_date', 'notes', 'is_demo'])
      .where('country_iso3', '=', iso3)
      .orderBy('instrument')
      .orderBy('action_date')
      .execute();
  }

  findAction(key: ActionKey) {
    return this.db
      .selectFrom('treaty_actions')
      .selectAll()
      .where('country_iso3', '=', key.country_iso3)
      .where('instrument', '=', key.instrument)
      .where('action', '=', key.action)
      .where('action_date', '=', key.action_date)
      .executeTakeFirst();
  }

  async insertAction(values: ActionValues): Promise<boolean> {
    const result = await this.db.insertInto('treaty_actions').values(values).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async deleteAction(key: ActionKey): Promise<boolean> {
    const result = await this.db
      .deleteFrom('treaty_actions')
      .where('country_iso3', '=', key.country_iso3)
      .where('instrument', '=', key.instrument)
      .where('action', '=', key.action)
      .where('action_date', '=', key.action_date)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /**
   * Inserts new actions and updates the notes of existing ones whose notes differ; rows that
   * are already there unchanged are not touched (so a re-import changes nothing).
   */
  async upsertActions(rows: ActionValues[]): Promise<{ inserted: number; updated: number }> {
    let inserted = 0;
    let updated = 0;
    for (let i = 0; i < rows.length; i += BATCH) {
      const touched = await this.db
        .insertInto('treaty_actions')
        .values(rows.slice(i, i + BATCH))
        .onConflict((oc) =>
          oc
            .columns(['country_iso3', 'instrument', 'action', 'action_date'])
            .doUpdateSet({ notes: (eb) => eb.ref('excluded.notes'), updated_at: sql`now()` })
            .where(sql<boolean>`treaty_actions.notes IS DISTINCT FROM excluded.notes`),
        )
        // xmax is 0 for a freshly inserted row version and non-zero for an updated one.
        .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
        .execute();
      for (const r of touched) {
        if (r.inserted) inserted++;
        else updated++;
      }
    }
    return { inserted, updated };
  }

  exportRows() {
    return this.db
      .selectFrom('treaty_actions as a')
      .innerJoin('treaty_instruments as i', 'i.code', 'a.instrument')
      .select(['a.country_iso3', 'a.instrument', 'a.action', 'a.action_date', 'a.notes', 'a.is_demo'])
      .orderBy('a.country_iso3')
      .orderBy('i.sort_order')
      .orderBy('a.action_date')
      .orderBy('a.action')
      .execute();
  }
}
