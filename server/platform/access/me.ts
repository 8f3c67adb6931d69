import type { UserActor } from './actor.ts';
import type { AuthRepository } from './auth.repository.ts';
import type { Me, TwoFactorStatus } from './auth.schema.ts';
import { permissions, roleDefinitions } from './permissions.ts';
import { can } from './policy.ts';

/** The profile of the actor's user, with what the actor may do right now. */
export async function describeMe(repo: AuthRepository, actor: UserActor): Promise<Me> {
  const p = await repo.profile(actor.userId);
  return {
    id: p.id,
    email: p.email,
    displayName: p.display_name,
    preferredLanguage: p.preferred_language,
    organisation: { id: p.organisation_id, name: p.organisation_name, acronym: p.organisation_acronym, type: p.organisation_type },
    roles: actor.grants.map((g) => ({ role: g.role, countryIso3: g.countryIso3, organisationId: g.organisationId })),
    twoFactorEnabled: !!p.totp_enabled_at,
    permissions: permissions.filter((perm) => can(actor, perm)),
  };
}

/** What a session of this user still needs before its roles requiring a second factor work. */
export function twoFactorStatus(actor: Pick<UserActor, 'grants' | 'twoFactorSatisfied'>, totpEnabled: boolean): TwoFactorStatus {
  if (actor.twoFactorSatisfied) return 'not_required';
  if (totpEnabled) return 'required';
  return actor.grants.some((g) => roleDefinitions[g.role].requiresTwoFactor) ? 'enrol' : 'not_required';
}

/** Does this user need a second factor at sign-in (TOTP enabled, or a role requires it)? */
export function needsSecondFactor(grants: UserActor['grants'], totpEnabled: boolean): boolean {
  return totpEnabled || grants.some((g) => roleDefinitions[g.role].requiresTwoFactor);
}
