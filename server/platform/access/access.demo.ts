// Demonstration accounts: one active user per role, all with the same documented password,
// none enrolled in two-factor authentication (roles that require it enrol on first sign-in).
// They exist only with demonstration data; README.md lists them.
import type { DemoContributor } from '../demo/demo.ts';
import type { Role } from './permissions.ts';
import { hashPassword } from './passwords.ts';

/** The one password of every demonstration account. Never use these accounts in production. */
export const DEMO_PASSWORD = 'demo-password-2006';
export const DEMO_EMAIL_DOMAIN = 'demo.tiphub.invalid';

type OrganisationPick = 'secretariat' | 'unodc' | 'state_body' | 'donor_state_body' | 'ngo';

interface DemoAccount {
  local: string;
  displayName: string;
  role: Role;
  organisation: OrganisationPick;
}

/** One account per role, in the order of the README's table. */
export const demoAccounts: readonly DemoAccount[] = [
  { local: 'admin', displayName: 'Demo Administrator', role: 'coordinator_admin', organisation: 'secretariat' },
  { local: 'analyst', displayName: 'Demo Analyst', role: 'coordinator_analyst', organisation: 'secretariat' },
  { local: 'editor', displayName: 'Demo Editor', role: 'editor', organisation: 'secretariat' },
  { local: 'state', displayName: 'Demo State Focal Point', role: 'state_focal_point', organisation: 'state_body' },
  { local: 'agency', displayName: 'Demo Agency Focal Point', role: 'agency_focal_point', organisation: 'unodc' },
  { local: 'ngo', displayName: 'Demo NGO Contributor', role: 'ngo_contributor', organisation: 'ngo' },
  { local: 'donor', displayName: 'Demo Donor', role: 'donor', organisation: 'donor_state_body' },
  { local: 'auditor', displayName: 'Demo Auditor', role: 'auditor', organisation: 'secretariat' },
];

export const demoEmail = (local: string): string => `${local}@${DEMO_EMAIL_DOMAIN}`;

/** The demo users and their grants; seeded after the registry's demo organisations. */
export const accessDemo: DemoContributor = {
  name: 'access',
  // Their sessions, API tokens and one-time tokens go with them (ON DELETE CASCADE).
  tables: ['role_grants', 'users'],
  async seed(tx) {
    const orgs = await tx.db.selectFrom('organisations').select(['id', 'type', 'acronym', 'country_iso3', 'name']).where('is_demo', '=', true).orderBy('name').execute();
    const stateBodies = orgs.filter((o) => o.type === 'state_body' && o.country_iso3).sort((a, b) => (a.country_iso3 ?? '').localeCompare(b.country_iso3 ?? ''));
    const picks: Record<OrganisationPick, (typeof orgs)[number] | undefined> = {
      secretariat: orgs.find((o) => o.type === 'secretariat'),
      unodc: orgs.find((o) => o.acronym === 'UNODC') ?? orgs.find((o) => o.acronym === 'IOM'),
      state_body: stateBodies[0],
      // A government that funds the work: another State's body.
      donor_state_body: stateBodies.find((o) => o.country_iso3 !== stateBodies[0]?.country_iso3),
      ngo: orgs.find((o) => o.type === 'ngo'),
    };
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const account of demoAccounts) {
      const organisation = picks[account.organisation];
      if (!organisation) throw new Error(`Demo users need the registry's demo organisations (missing: ${account.organisation})`);
      const { id } = await tx.db
        .insertInto('users')
        .values({
          email: demoEmail(account.local),
          display_name: account.displayName,
          organisation_id: organisation.id,
          preferred_language: 'en',
          status: 'active',
          password_hash: passwordHash,
          totp_secret_sealed: null,
          totp_enabled_at: null,
          last_sign_in_at: null,
          is_demo: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.db
        .insertInto('role_grants')
        .values({
          user_id: id,
          role: account.role,
          country_iso3: account.role === 'state_focal_point' ? organisation.country_iso3 : null,
          organisation_id: ['agency_focal_point', 'ngo_contributor', 'donor'].includes(account.role) ? organisation.id : null,
          granted_by: null,
          is_demo: true,
        })
        .execute();
    }
  },
};
