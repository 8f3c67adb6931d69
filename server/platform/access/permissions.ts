// Who may do what. Permissions are an enum; roles map to permissions; each role has a scope
// kind. `policy.ts` is the one place that answers "may this actor do X on this record".

export const permissions = [
  // Every signed-in user, on their own account
  'account.manage_own',
  'tokens.manage_own',
  // Administration (the Coordinator's secretariat)
  'users.read',
  'users.manage',
  'organisations.manage',
  // The audit log
  'audit.read',
  // Publications and knowledge content
  'content.edit',
  // States' reports and case data
  'state_reports.submit',
  'state_reports.read',
  /** Accept or return a State's report (the Coordinator's review). */
  'state_reports.review',
  'cases.read_deidentified',
  'cases.read_identified',
  // Agencies' and NGOs' work
  'activities.manage',
  'activities.read_unpublished',
  'submissions.read_shared',
  /** Register and change mandates (decisions and their operative paragraphs): the Coordinator. */
  'mandates.manage',
  // Voluntary contributions
  'contributions.manage',
  'contributions.read',
  // Monitoring: the reporting calendar the Coordinator sets
  'monitoring.manage_calendar',
] as const;
export type Permission = (typeof permissions)[number];

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

/** What a grant of the role is limited to: everything, one State, or one organisation. */
export type ScopeKind = 'global' | 'country' | 'organisation';

export interface RoleDefinition {
  scope: ScopeKind;
  permissions: readonly Permission[];
  /** Roles that can read case data or administer users must sign in with a second factor. */
  requiresTwoFactor: boolean;
  description: string;
}

/** What every signed-in user may do on their own account, whatever their roles. */
export const everyUserPermissions: readonly Permission[] = ['account.manage_own', 'tokens.manage_own'];
const own: Permission[] = [...everyUserPermissions];

export const roleDefinitions: Record<Role, RoleDefinition> = {
  coordinator_admin: {
    scope: 'global',
    permissions: [...permissions],
    requiresTwoFactor: true,
    description: "The Coordinator's secretariat: everything, including user administration.",
  },
  coordinator_analyst: {
    scope: 'global',
    permissions: [...own, 'users.read', 'state_reports.read', 'cases.read_deidentified', 'activities.read_unpublished', 'submissions.read_shared', 'contributions.read'],
    requiresTwoFactor: true,
    description: 'Reads everything, including de-identified case data; no user administration.',
  },
  editor: {
    scope: 'global',
    permissions: [...own, 'content.edit'],
    requiresTwoFactor: false,
    description: 'Publications and knowledge content.',
  },
  state_focal_point: {
    scope: 'country',
    permissions: [...own, 'state_reports.submit', 'state_reports.read', 'cases.read_deidentified', 'cases.read_identified'],
    requiresTwoFactor: true,
    description: "Submits and reads that State's reports only.",
  },
  agency_focal_point: {
    scope: 'organisation',
    permissions: [...own, 'activities.manage', 'activities.read_unpublished', 'submissions.read_shared'],
    requiresTwoFactor: false,
    description: "That organisation's activities and submissions, plus what has been shared with it.",
  },
  ngo_contributor: {
    scope: 'organisation',
    permissions: [...own, 'activities.manage', 'activities.read_unpublished', 'submissions.read_shared'],
    requiresTwoFactor: false,
    description: "That organisation's activities and submissions, plus what has been shared with it.",
  },
  donor: {
    scope: 'organisation',
    permissions: [...own, 'contributions.manage', 'contributions.read'],
    requiresTwoFactor: false,
    description: "That organisation's pledges and payments.",
  },
  auditor: {
    scope: 'global',
    permissions: [...own, 'audit.read'],
    requiresTwoFactor: false,
    description: 'Reads the audit log, nothing else.',
  },
};

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function isPermission(value: string): value is Permission {
  return (permissions as readonly string[]).includes(value);
}
