import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { testDatabase } from '../../../test/helpers/database.ts';
import { eventHash, GENESIS_HASH } from './audit.hash.ts';
import { AuditRepository } from './audit.repository.ts';
import { listAuditEvents, recordAudit, verifyAuditChain, type AuditEvent } from './audit.service.ts';
import { REDACTED } from './redact.ts';

let database: Database;

before(async () => {
  database = await testDatabase();
});
after(async () => {
  await database?.close();
});

const admin = { userId: '6f1c1f0e-3c1a-4d6e-9b1a-1f2e3d4c5b6a', role: 'coordinator_admin', organisationId: '0b9d8c7e-6f5a-4b3c-8d2e-1f0a9b8c7d6e' };
const request = { ip: '203.0.113.7', userAgent: 'Mozilla/5.0 (test)', correlationId: 'req-1' };

function record(event: AuditEvent) {
  return database.transaction((tx) => recordAudit(tx.db, event));
}

async function rows() {
  return database.db.selectFrom('audit_events').select(['id', 'prev_hash', 'hash', 'action']).orderBy('id').execute();
}

/** Raw access as an attacker would have it: the append-only triggers off for `fn`. */
async function asAttacker(fn: () => Promise<unknown>): Promise<void> {
  await sql`ALTER TABLE audit_events DISABLE TRIGGER USER`.execute(database.db);
  try {
    await fn();
  } finally {
    await sql`ALTER TABLE audit_events ENABLE TRIGGER USER`.execute(database.db);
  }
}

/** Tampers, returns what verify says, then puts every row back as it was. */
async function verifyAfterTampering(tamper: (run: (q: string) => Promise<unknown>) => Promise<void>) {
  const run = (q: string) => sql.raw(q).execute(database.db);
  await asAttacker(async () => {
    await run('CREATE TABLE audit_backup AS SELECT * FROM audit_events');
    await run('CREATE TABLE audit_head_backup AS SELECT * FROM audit_head');
    await sql`ALTER TABLE audit_head DISABLE TRIGGER USER`.execute(database.db);
  });
  try {
    await asAttacker(() => tamper(run));
    return await verifyAuditChain(database.db, { batchSize: 2 });
  } finally {
    await asAttacker(async () => {
      await run('DELETE FROM audit_events');
      await run('INSERT INTO audit_events SELECT * FROM audit_backup');
      await run('UPDATE audit_head h SET last_id = b.last_id, last_hash = b.last_hash FROM audit_head_backup b');
      await run('DROP TABLE audit_backup');
      await run('DROP TABLE audit_head_backup');
    });
    await sql`ALTER TABLE audit_head ENABLE TRIGGER USER`.execute(database.db);
    assert.equal((await verifyAuditChain(database.db)).ok, true, 'restored after tampering');
  }
}

test('an empty log verifies, with the genesis hash as head', async () => {
  assert.deepEqual(await verifyAuditChain(database.db), { ok: true, count: 0, lastId: 0, headHash: GENESIS_HASH });
});

test('events chain across transactions; a rolled-back transaction leaves no event', async () => {
  await record({ action: 'auth.sign_in', actor: admin, entityType: 'user', entityId: admin.userId, request });
  await record({ action: 'auth.sign_in_failed', changes: { email: 'someone@example.org' }, request: { ip: '198.51.100.1' } });
  await database.transaction(async (tx) => {
    await recordAudit(tx.db, { action: 'user.update', actor: admin, entityType: 'user', entityId: 'u-2', changes: { status: { from: 'invited', to: 'active' } } });
    await recordAudit(tx.db, { action: 'role.grant', actor: admin, entityType: 'user', entityId: 'u-2', changes: { role: 'auditor' } });
  });

  await assert.rejects(
    database.transaction(async (tx) => {
      await recordAudit(tx.db, { action: 'case.update', actor: admin, entityType: 'case', entityId: 99 });
      throw new Error('the change failed');
    }),
    /the change failed/,
  );

  const chain = await rows();
  assert.deepEqual(
    chain.map((r) => r.id),
    [1, 2, 3, 4],
  );
  assert.equal(chain[0]!.prev_hash, GENESIS_HASH);
  for (let i = 1; i < chain.length; i++) assert.equal(chain[i]!.prev_hash, chain[i - 1]!.hash, `event ${chain[i]!.id} links to its predecessor`);
  assert.ok(!chain.some((r) => r.action === 'case.update'), 'the rolled-back event is not there');

  // The rollback left no gap: the next event takes the next id.
  const next = await record({ action: 'case.read', actor: admin, entityType: 'case', entityId: 'c-1', request });
  assert.equal(next.id, 5);
  const result = await verifyAuditChain(database.db);
  assert.deepEqual(result, { ok: true, count: 5, lastId: 5, headHash: next.hash });
  const head = await database.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
  assert.equal(head.last_id, 5);
  assert.equal(head.last_hash, next.hash);
});

test('concurrent writers do not fork the chain', async () => {
  const before = (await rows()).length;
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      database.transaction(async (tx) => {
        // Some work first, so transactions overlap on PostgreSQL.
        await sql`SELECT pg_sleep(${(i % 3) / 100})`.execute(tx.db);
        return recordAudit(tx.db, { action: 'case.read', actor: admin, entityType: 'case', entityId: `c-${i}` });
      }),
    ),
  );
  const result = await verifyAuditChain(database.db, { batchSize: 7 });
  assert.equal(result.ok, true, JSON.stringify(result));
  assert.equal(result.ok && result.count, before + 20);
});

test('recordAudit outside a transaction is refused and writes nothing', async () => {
  const before = (await rows()).length;
  await assert.rejects(recordAudit(database.db, { action: 'case.read', actor: admin }), /inside a transaction/);
  assert.equal((await rows()).length, before);
  assert.equal((await verifyAuditChain(database.db)).ok, true);
});

test('values read back from jsonb and timestamptz hash the same as when written', async () => {
  await record({
    action: 'record.update',
    actor: { userId: admin.userId.toUpperCase(), role: 'editor' },
    entityType: 'publication',
    entityId: 42,
    occurredAt: new Date('2026-03-01T12:34:56.789Z'),
    changes: {
      zeta: 1,
      alpha: { b: [3, 2, { y: null, x: true }], a: 'ü – 日本語 – 🙂' },
      long_key_first: 0.1 + 0.2,
      big: 1e21,
      tiny: 1e-7,
      negZero: -0,
      when: new Date('2026-01-02T03:04:05.006Z'),
      dropped: undefined,
      nul: 'a\u0000b',
      lone: 'x\uD800y',
      '': 'empty key',
    },
    request: { userAgent: 'agent\u0000with nul', correlationId: 'c'.repeat(5000) },
  });
  const result = await verifyAuditChain(database.db);
  assert.equal(result.ok, true, JSON.stringify(result));
  const { events } = await listAuditEvents(database.db, { limit: 1 });
  assert.equal(events[0]!.actorUserId, admin.userId, 'UUIDs are stored lower-case');
  assert.equal(events[0]!.occurredAt, '2026-03-01T12:34:56.789Z');
});

test('the database refuses UPDATE, DELETE and TRUNCATE on audit_events, and moving the head back', async () => {
  await assert.rejects(sql`UPDATE audit_events SET action = 'case.read' WHERE id = 1`.execute(database.db), /append-only/);
  await assert.rejects(sql`DELETE FROM audit_events WHERE id = 1`.execute(database.db), /append-only/);
  await assert.rejects(sql`TRUNCATE audit_events`.execute(database.db), /append-only/);
  await assert.rejects(sql`UPDATE audit_head SET last_id = 1`.execute(database.db), /only moves forward/);
  await assert.rejects(sql`DELETE FROM audit_head`.execute(database.db), /only moves forward/);
  assert.equal((await verifyAuditChain(database.db)).ok, true);
});

test('tampering is detected: an altered row', async () => {
  const result = await verifyAfterTampering(async (run) => {
    await run(`UPDATE audit_events SET changes = '{"role": "coordinator_admin"}' WHERE id = 4`);
  });
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.brokenAt, 4);
  assert.match(!result.ok ? result.reason : '', /hash of event 4 does not match/);
});

test('tampering is detected: an altered time, even below a millisecond', async () => {
  const result = await verifyAfterTampering(async (run) => {
    await run(`UPDATE audit_events SET occurred_at = occurred_at + interval '1 microsecond' WHERE id = 2`);
  });
  assert.equal(!result.ok && result.brokenAt, 2);
});

test('tampering is detected: an altered row whose hash was recomputed breaks the next link', async () => {
  const [row] = await new AuditRepository(database.db).chainBatch(2, 1);
  assert.equal(row?.id, 3);
  const forged = eventHash({
    id: row.id,
    occurredAt: row.occurred_at,
    actorUserId: row.actor_user_id,
    actorRole: row.actor_role,
    actorOrganisationId: row.actor_organisation_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    changes: { role: 'coordinator_admin' },
    ip: row.ip,
    userAgent: row.user_agent,
    correlationId: row.correlation_id,
    prevHash: row.prev_hash,
  });
  const result = await verifyAfterTampering(async (run) => {
    await run(`UPDATE audit_events SET changes = '{"role": "coordinator_admin"}', hash = '${forged}' WHERE id = 3`);
  });
  assert.equal(!result.ok && result.brokenAt, 4);
  assert.match(!result.ok ? result.reason : '', /prev_hash of event 4 does not match the hash of event 3/);
});

test('tampering is detected: a deleted row', async () => {
  const result = await verifyAfterTampering(async (run) => {
    await run('DELETE FROM audit_events WHERE id = 3');
  });
  assert.equal(!result.ok && result.brokenAt, 4);
  assert.match(!result.ok ? result.reason : '', /event 3 is missing/);
});

test('tampering is detected: a deleted row with the ids renumbered', async () => {
  const result = await verifyAfterTampering(async (run) => {
    await run('DELETE FROM audit_events WHERE id = 3');
    await run('UPDATE audit_events SET id = id - 1 WHERE id > 3');
  });
  assert.equal(!result.ok && result.brokenAt, 3);
});

test('tampering is detected: the first and the last rows deleted', async () => {
  const first = await verifyAfterTampering(async (run) => {
    await run('DELETE FROM audit_events WHERE id = 1');
  });
  assert.equal(!first.ok && first.brokenAt, 2);
  const last = await verifyAfterTampering(async (run) => {
    await run('DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)');
  });
  const max = (await rows()).length;
  assert.equal(!last.ok && last.brokenAt, max);
  assert.match(!last.ok ? last.reason : '', /deleted/);
});

test('tampering is detected: two rows swapped', async () => {
  const result = await verifyAfterTampering(async (run) => {
    // Exchange everything but the ids: the order of history changes.
    await run(`
      UPDATE audit_events a SET occurred_at = b.occurred_at, actor_user_id = b.actor_user_id, actor_role = b.actor_role,
        actor_organisation_id = b.actor_organisation_id, action = b.action, entity_type = b.entity_type,
        entity_id = b.entity_id, changes = b.changes, ip = b.ip, user_agent = b.user_agent,
        correlation_id = b.correlation_id, prev_hash = b.prev_hash, hash = b.hash
      FROM audit_backup b WHERE (a.id, b.id) IN ((2, 3), (3, 2))`);
  });
  assert.equal(!result.ok && result.brokenAt, 2);
  assert.match(!result.ok ? result.reason : '', /prev_hash of event 2/);

  const ids = await verifyAfterTampering(async (run) => {
    // Or exchange the ids themselves.
    await run('UPDATE audit_events SET id = -2 WHERE id = 2');
    await run('UPDATE audit_events SET id = 2 WHERE id = 3');
    await run('UPDATE audit_events SET id = 3 WHERE id = -2');
  });
  assert.equal(!ids.ok && ids.brokenAt, 2);
});

test('an anchor detects a history rewritten consistently, head included', async () => {
  const good = await verifyAuditChain(database.db);
  assert.ok(good.ok);
  assert.equal((await verifyAuditChain(database.db, { anchor: { count: good.count, headHash: good.headHash } })).ok, true);
  assert.equal((await verifyAuditChain(database.db, { anchor: { count: 2, headHash: (await rows())[1]!.hash } })).ok, true);
  const wrong = await verifyAuditChain(database.db, { anchor: { count: 2, headHash: 'c'.repeat(64) } });
  assert.equal(!wrong.ok && wrong.brokenAt, 2);
  const tooLong = await verifyAuditChain(database.db, { anchor: { count: good.count + 1, headHash: good.headHash } });
  assert.equal(tooLong.ok, false);
});

test('sensitive fields are redacted before they are stored, at any depth', async () => {
  const { id } = await record({
    action: 'case.update',
    actor: admin,
    entityType: 'case',
    entityId: 'c-7',
    changes: {
      victim: { givenName: 'Ana', family_name: 'Silva', birth_date: '2001-02-03', nationality: 'BR' },
      contacts: [{ contact: '+55 11 5555 5555', kind: 'phone' }],
      user: { password: 'hunter2', totpSecret: 'JBSWY3DP', api_token: 'tk_123', email: 'a@example.org' },
      identity_number: { from: 'X1', to: 'X2' },
    },
  });
  const row = await database.db.selectFrom('audit_events').select('changes').where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(row.changes, {
    victim: { givenName: REDACTED, family_name: REDACTED, birth_date: REDACTED, nationality: 'BR' },
    contacts: [{ contact: REDACTED, kind: 'phone' }],
    user: { password: REDACTED, totpSecret: REDACTED, api_token: REDACTED, email: 'a@example.org' },
    identity_number: REDACTED,
  });
  // The hashes are left out: hex digits can spell "5555" by chance.
  const listed = (await listAuditEvents(database.db, { limit: 500 })).events.map(({ hash: _hash, ...rest }) => rest);
  assert.doesNotMatch(JSON.stringify(listed), /Ana|Silva|hunter2|JBSWY3DP|tk_123|5555/);
  assert.equal((await verifyAuditChain(database.db)).ok, true);
});

test('events are listed newest first, filtered and paged', async () => {
  const user = '11111111-2222-4333-8444-555555555555';
  const t0 = new Date('2030-01-01T00:00:00Z');
  for (let i = 0; i < 5; i++) {
    await record({ action: i % 2 ? 'user.update' : 'case.read', actor: { userId: user }, entityType: 'case', entityId: `L-${i % 2}`, occurredAt: new Date(t0.getTime() + i * 60_000) });
  }
  const mine = await listAuditEvents(database.db, { actorUserId: user });
  assert.equal(mine.events.length, 5);
  assert.ok(mine.events[0]!.id > mine.events[4]!.id, 'newest first');
  assert.equal(mine.nextBeforeId, null);

  const page1 = await listAuditEvents(database.db, { actorUserId: user, limit: 2 });
  const page2 = await listAuditEvents(database.db, { actorUserId: user, limit: 2, beforeId: page1.nextBeforeId! });
  const page3 = await listAuditEvents(database.db, { actorUserId: user, limit: 2, beforeId: page2.nextBeforeId! });
  assert.deepEqual(
    [...page1.events, ...page2.events, ...page3.events].map((e) => e.id),
    mine.events.map((e) => e.id),
  );
  assert.equal(page3.nextBeforeId, null);

  assert.equal((await listAuditEvents(database.db, { actorUserId: user, actions: ['user.update'] })).events.length, 2);
  assert.equal((await listAuditEvents(database.db, { entityType: 'case', entityId: 'L-0', actorUserId: user })).events.length, 3);
  const window = await listAuditEvents(database.db, { from: new Date(t0.getTime() + 60_000), to: new Date(t0.getTime() + 3 * 60_000) });
  assert.deepEqual(
    window.events.map((e) => e.occurredAt),
    ['2030-01-01T00:02:00.000Z', '2030-01-01T00:01:00.000Z'],
  );
  await assert.rejects(listAuditEvents(database.db, { limit: 0 }), { code: 'VALIDATION_FAILED' });
  await assert.rejects(listAuditEvents(database.db, { actorUserId: 'nobody' }), { code: 'VALIDATION_FAILED' });
});
