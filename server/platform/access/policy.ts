// The one place that decides whether an actor may do something. Services call these; routes
// only declare what they need (see http/access-hook.ts).
import { AppError } from '../errors.ts';
import type { Actor, Grant, UserActor } from './actor.ts';
import { everyUserPermissions, roleDefinitions, type Permission } from './permissions.ts';

/** What a record belongs to; a scoped grant reaches only records of its State or organisation. */
export interface ResourceScope {
  countryIso3?: string | null | undefined;
  organisationId?: string | null | undefined;
}

/** Where a permission reaches for an actor: everywhere, or only some States and organisations. */
export type Reach = { all: true } | { all: false; countries: string[]; organisations: string[] };

/** The grants through which the actor holds the permission right now. */
function grantsFor(actor: UserActor, permission: Permission): Grant[] {
  if (actor.tokenPermissions && !actor.tokenPermissions.includes(permission)) return [];
  // Until a required or chosen second factor is passed, a session may only manage its own account.
  if (!actor.twoFactorSatisfied && permission !== 'account.manage_own') return [];
  return actor.grants.filter((g) => roleDefinitions[g.role].permissions.includes(permission));
}

/** Own-account permissions need no role; they reach only the actor's own records (services check). */
function heldByEveryUser(actor: UserActor, permission: Permission): boolean {
  if (!everyUserPermissions.includes(permission)) return false;
  if (actor.tokenPermissions && !actor.tokenPermissions.includes(permission)) return false;
  return actor.twoFactorSatisfied || permission === 'account.manage_own';
}

function grantReaches(grant: Grant, resource: ResourceScope): boolean {
  switch (roleDefinitions[grant.role].scope) {
    case 'global':
      return true;
    case 'country':
      return !!grant.countryIso3 && grant.countryIso3 === resource.countryIso3;
    case 'organisation':
      return !!grant.organisationId && grant.organisationId === resource.organisationId;
  }
}

/** May the actor do `permission` at all (somewhere), or on this record when one is given? */
export function can(actor: Actor, permission: Permission, resource?: ResourceScope): boolean {
  if (actor.kind !== 'user') return false;
  if (!resource && heldByEveryUser(actor, permission)) return true;
  const grants = grantsFor(actor, permission);
  if (!resource) return grants.length > 0;
  return grants.some((g) => grantReaches(g, resource));
}

/** The States and organisations where the actor holds `permission`, to filter lists by. */
export function reach(actor: Actor, permission: Permission): Reach {
  const none: Reach = { all: false, countries: [], organisations: [] };
  if (actor.kind !== 'user') return none;
  const grants = grantsFor(actor, permission);
  if (grants.some((g) => roleDefinitions[g.role].scope === 'global')) return { all: true };
  return {
    all: false,
    countries: [...new Set(grants.flatMap((g) => (g.countryIso3 ? [g.countryIso3] : [])))],
    organisations: [...new Set(grants.flatMap((g) => (g.organisationId ? [g.organisationId] : [])))],
  };
}

/** Throws UNAUTHENTICATED for anonymous actors and FORBIDDEN when the permission is missing. */
export function authorize(actor: Actor, permission: Permission, resource?: ResourceScope): asserts actor is UserActor {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in to do this');
  if (!can(actor, permission, resource)) {
    const pending = !actor.twoFactorSatisfied;
    throw new AppError('FORBIDDEN', pending ? 'Complete two-factor authentication to do this' : 'You do not have permission to do this');
  }
}

/**
 * For a record outside the actor's reach, answer as if it did not exist: a scoped user must
 * not learn that another State's record is there.
 */
export function authorizeRecord(actor: Actor, permission: Permission, resource: ResourceScope, what: string): asserts actor is UserActor {
  authorize(actor, permission);
  if (!can(actor, permission, resource)) throw AppError.notFound(what);
}
