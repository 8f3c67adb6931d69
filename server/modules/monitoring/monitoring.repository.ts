import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export interface RoundValues {
  name: string;
  period_start: string;
  period_end: string;
  due_date: string;
}

const columns = ['id', 'name', 'period_start', 'period_end', 'due_date', 'is_demo', 'created_at', 'updated_at'] as const;

/** All SQL of the monitoring module's own table (the reporting calendar). */
export class MonitoringRepository {
  constructor(private readonly db: Kysely<DB>) {}

  rounds() {
    return this.db.selectFrom('reporting_rounds').select(columns).orderBy('period_start', 'desc').orderBy('name').execute();
  }

  findRound(id: string) {
    return this.db.selectFrom('reporting_rounds').select(columns).where('id', '=', id).executeTakeFirst();
  }

  /** Locks the round for the rest of the transaction. */
  findRoundForUpdate(id: string) {
    return this.db.selectFrom('reporting_rounds').select(columns).where('id', '=', id).forUpdate().executeTakeFirst();
  }

  roundNamed(name: string) {
    return this.db.selectFrom('reporting_rounds').select('id').where('name', '=', name).executeTakeFirst();
  }

  insertRound(values: RoundValues & { is_demo?: boolean }) {
    return this.db.insertInto('reporting_rounds').values(values).returning(columns).executeTakeFirstOrThrow();
  }

  updateRound(id: string, values: RoundValues) {
    return this.db.updateTable('reporting_rounds').set({ ...values, updated_at: new Date() }).where('id', '=', id).returning(columns).executeTakeFirstOrThrow();
  }
}
