// `tiphub admin create`: the first coordinator_admin of an installation. Works only while no
// administrator exists; after that, administrators invite everyone else from the web.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { recordAudit } from '../audit/audit.service.ts';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { prepareDatabase } from '../db/prepare.ts';
import { languages, type Language } from '../i18n.ts';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords.ts';
import { UsersRepository } from './users.repository.ts';

export const adminUsage = `  admin create --email ADDRESS [--name NAME] [--organisation-name NAME]
               [--language ar|zh|en|fr|ru|es] [--generate-password]
                     create the first coordinator_admin (only while there is none);
                     asks for the password on a terminal, else generates and prints one`;

const DEFAULT_SECRETARIAT = 'Secretariat of the Coordinator';

class Refused extends Error {}

/** Runs `tiphub admin ...`; returns the exit code (0 done, 1 refused, 2 usage). */
export async function adminCommand(args: string[], config: Config): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        'organisation-name': { type: 'string' },
        language: { type: 'string' },
        'generate-password': { type: 'boolean' },
      },
    });
  } catch (err) {
    return usageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals[0] !== 'create' || positionals.length > 1) return usageError(`Unknown admin action "${positionals.join(' ')}". Use "admin create --email ADDRESS".`);
  const email = z.email().safeParse(values.email?.trim().toLowerCase());
  if (!email.success) return usageError('--email must be an e-mail address');
  const language = (values.language ?? 'en') as Language;
  if (!languages.includes(language)) return usageError(`--language must be one of ${languages.join(', ')}`);
  const displayName = values.name?.trim() || email.data.split('@')[0]!;
  const organisationName = values['organisation-name']?.trim() || undefined;

  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await prepareDatabase(database);
    // Refuse before asking for a password that would not be used.
    const early = await refusal(new UsersRepository(database.db), email.data);
    if (early) throw new Refused(early);

    const generate = values['generate-password'] === true || !process.stdin.isTTY;
    const password = generate ? generatePassword() : await promptNewPassword();
    const passwordHash = await hashPassword(password);

    const created = await database.transaction(async (tx) => {
      const repo = new UsersRepository(tx.db);
      // Checked again inside the transaction: two runs at once must not both succeed.
      // The audit chain's head row serves as the lock (recordAudit takes it below anyway).
      await tx.db.selectFrom('audit_head').select('id').forUpdate().execute();
      const late = await refusal(repo, email.data);
      if (late) throw new Refused(late);

      let organisation = await repo.findSecretariat(organisationName);
      let organisationCreated = false;
      if (!organisation) {
        const name = organisationName ?? DEFAULT_SECRETARIAT;
        organisation = { id: await repo.insertSecretariat(name), name };
        organisationCreated = true;
      }
      const userId = await repo.insertUser({ email: email.data, displayName, organisationId: organisation.id, language, status: 'active', passwordHash });
      const grantId = await repo.insertGrant(userId, { role: 'coordinator_admin', countryIso3: null, organisationId: null }, null);

      const request = { userAgent: 'tiphub admin create' };
      if (organisationCreated) {
        await recordAudit(tx.db, { action: 'organisation.create', entityType: 'organisation', entityId: organisation.id, changes: { type: 'secretariat', name: organisation.name, via: 'cli' }, request });
      }
      await recordAudit(tx.db, { action: 'user.create', entityType: 'user', entityId: userId, changes: { email: email.data, displayName, organisationId: organisation.id, status: 'active', via: 'cli' }, request });
      await recordAudit(tx.db, { action: 'role.grant', entityType: 'user', entityId: userId, changes: { grantId, role: 'coordinator_admin', via: 'cli' }, request });
      return { organisation, organisationCreated };
    });

    console.log(`Created the administrator ${email.data} (coordinator_admin) in ${created.organisation.name}${created.organisationCreated ? ' (new organisation)' : ''}.`);
    if (generate) {
      console.log(`Password: ${password}`);
      console.log('It is shown only now: keep it safe, or sign in and change it.');
    }
    console.log('On first sign-in you will be asked to set up two-factor authentication.');
    return 0;
  } catch (err) {
    if (err instanceof Refused) {
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}

async function refusal(repo: UsersRepository, email: string): Promise<string | null> {
  if ((await repo.countRole('coordinator_admin')) > 0) {
    return 'An administrator exists already: "admin create" only makes the first one. Ask an administrator to invite you.';
  }
  if (await repo.findUserByEmail(email)) return `A user with the address ${email} exists already.`;
  return null;
}

function usageError(message: string): number {
  console.error(message);
  console.error(`\nUsage: tiphub\n${adminUsage}`);
  return 2;
}

/** 24 characters from 144 random bits. */
function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

async function promptNewPassword(): Promise<string> {
  for (;;) {
    const first = await promptHidden(`Password for the administrator (at least ${MIN_PASSWORD_LENGTH} characters): `);
    if (first.length < MIN_PASSWORD_LENGTH || first.length > MAX_PASSWORD_LENGTH) {
      console.error(`The password must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters.`);
      continue;
    }
    if ((await promptHidden('Repeat it: ')) === first) return first;
    console.error('The two passwords differ; try again.');
  }
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stdout.write(question);
  return new Promise((resolve, reject) => {
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (fn: () => void) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stdout.write('\n');
      fn();
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(() => resolve(value));
        if (ch === '\u0003') return done(() => reject(new Refused('Cancelled.')));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
