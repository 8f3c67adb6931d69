// Whether the signed-in user may change an activity, worked out from the session's grants the
// way the server's policy does (activities.manage through a grant that reaches the activity's
// reporting organisation). It only decides what to show: the server checks again on save.
import type { Me } from '../auth/accessApi.ts';
import { roleDefinitions } from '../../../server/platform/access/permissions.ts';

export function mayEditActivity(user: Me | null, reportingOrgId: string): boolean {
  if (!user || !user.permissions.includes('activities.manage')) return false;
  return user.roles.some((grant) => {
    const role = roleDefinitions[grant.role];
    if (!role.permissions.includes('activities.manage')) return false;
    return role.scope === 'global' || (role.scope === 'organisation' && grant.organisationId === reportingOrgId);
  });
}
