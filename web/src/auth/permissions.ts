// The server's own role and permission definitions (a plain module with no imports), so the
// web cannot drift from them. The server decides; the web only hides what a user may not use.
import { roleDefinitions, roles, type Role, type ScopeKind } from '../../../server/platform/access/permissions.ts';

export { isRole, roles } from '../../../server/platform/access/permissions.ts';
export type { Permission, Role, ScopeKind } from '../../../server/platform/access/permissions.ts';

/** What a grant of each role is limited to. */
export const roleScopes = Object.fromEntries(roles.map((r) => [r, roleDefinitions[r].scope])) as Record<Role, ScopeKind>;
