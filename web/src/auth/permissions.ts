// Mirrors server/platform/access/permissions.ts (the server decides; the web only hides what
// a user may not use). Kept as literals so the browser bundle carries no server code.
export const roles = [
  'coordinator_admin',
  'coordinator_analyst',
  'editor',
  'state_focal_point',
  'agency_focal_point',
  'ngo_contributor',
  'donor',
  'auditor',
] as const;
export type Role = (typeof roles)[number];

export type Permission =
  | 'account.manage_own'
  | 'tokens.manage_own'
  | 'users.read'
  | 'users.manage'
  | 'organisations.manage'
  | 'audit.read'
  | 'content.edit'
  | 'state_reports.submit'
  | 'state_reports.read'
  | 'cases.read_deidentified'
  | 'cases.read_identified'
  | 'activities.manage'
  | 'activities.read_unpublished'
  | 'submissions.read_shared'
  | 'contributions.manage'
  | 'contributions.read';

/** What a grant of the role is limited to. */
export type ScopeKind = 'global' | 'country' | 'organisation';

export const roleScopes: Record<Role, ScopeKind> = {
  coordinator_admin: 'global',
  coordinator_analyst: 'global',
  editor: 'global',
  state_focal_point: 'country',
  agency_focal_point: 'organisation',
  ngo_contributor: 'organisation',
  donor: 'organisation',
  auditor: 'global',
};

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
