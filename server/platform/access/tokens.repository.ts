import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Permission } from './permissions.ts';

const columns = ['id', 'name', 'prefix', 'permissions', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'] as const;

/** All SQL of API tokens (authentication with them is in session-authenticator.ts). */
export class TokensRepository {
  constructor(private readonly db: Kysely<DB>) {}

  listOwn(userId: string) {
    return this.db.selectFrom('api_tokens').select(columns).where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
  }

  create(row: { user_id: string; name: string; prefix: string; token_hash: string; permissions: Permission[] | null; expires_at: Date }) {
    return this.db
      .insertInto('api_tokens')
      .values({ ...row, revoked_at: null, last_used_at: null })
      .returning(columns)
      .executeTakeFirstOrThrow();
  }

  /** Revokes one of the user's tokens if not yet revoked; returns whether it did. */
  async revoke(userId: string, id: string, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
