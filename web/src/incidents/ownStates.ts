import type { Me } from '../auth/accessApi.ts';

/** The States the user reports for (their State focal point grants). */
export function ownStates(user: Me | null): string[] {
  if (!user) return [];
  return [...new Set(user.roles.flatMap((r) => (r.role === 'state_focal_point' && r.countryIso3 ? [r.countryIso3] : [])))].sort();
}
