import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface OutboxRow {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  transport: 'smtp' | 'outbox';
  sent_at: Date | null;
  error: string | null;
  created_at: Date;
}

/** All SQL of the mail outbox. */
export class MailRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(row: Insertable<DB['mail_outbox']>): Promise<string> {
    const { id } = await this.db.insertInto('mail_outbox').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  }

  async markSent(id: string): Promise<void> {
    await this.db.updateTable('mail_outbox').set({ sent_at: new Date(), error: null }).where('id', '=', id).execute();
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.db.updateTable('mail_outbox').set({ error }).where('id', '=', id).execute();
  }

  /** Newest first. */
  list(filter: { to?: string | undefined; limit: number; offset: number }): Promise<OutboxRow[]> {
    let q = this.db.selectFrom('mail_outbox').selectAll();
    if (filter.to) q = q.where('to_address', '=', filter.to.toLowerCase());
    return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute();
  }

  async count(filter: { to?: string | undefined }): Promise<number> {
    let q = this.db.selectFrom('mail_outbox').select((eb) => eb.fn.countAll<number>().as('n'));
    if (filter.to) q = q.where('to_address', '=', filter.to.toLowerCase());
    const row = await q.executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
