/**
 * Every action the audit log knows. Add new ones here (dotted lower-case: `<area>.<verb>`);
 * the union keeps call sites honest and the database checks the shape.
 */
export const AUDIT_ACTIONS = [
  // Authentication
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'auth.session_revoked',
  'auth.password_changed',
  'auth.password_reset_requested',
  'auth.password_reset',
  'auth.totp_enrolled',
  'auth.totp_disabled',
  'auth.recovery_code_used',
  'auth.two_factor_verified',
  'auth.two_factor_failed',
  'auth.throttled',
  // Users, organisations, roles, tokens
  'user.create',
  'user.invite',
  'user.update',
  'user.suspend',
  'user.activate',
  'user.invitation_accepted',
  'organisation.create',
  'organisation.update',
  'organisation.membership_start',
  'organisation.membership_end',
  'role.grant',
  'role.revoke',
  'token.create',
  'token.revoke',
  // Activities
  'activity.create',
  'activity.update',
  'activity.import',
  // Mandates
  'mandate.create',
  'mandate.update',
  // Treaty status
  'treaty.update',
  'treaty.import',
  // Monitoring: the reporting calendar
  'monitoring.round_create',
  'monitoring.round_update',
  // Case data and other sensitive records
  'case.create',
  'case.read',
  'case.update',
  'case.delete',
  'case.export',
  'case.submit',
  'case.accept',
  'case.return',
  'case.share',
  'case.unshare',
  'case.retention_set',
  'case.erase_identifiers',
  'case.import',
  // Aggregate reports (counts) and the GLOTIP name mapping
  'aggregate.create',
  'aggregate.update',
  'aggregate.submit',
  'aggregate.accept',
  'aggregate.return',
  'aggregate.import',
  'aggregate.mapping_set',
  // Generic record changes for modules without their own verbs yet
  'record.create',
  'record.update',
  'record.delete',
  // The audit log itself
  'audit.read',
  'audit.anchor',
  // System
  'system.import',
  'system.demo_seed',
  'system.demo_remove',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const known: ReadonlySet<string> = new Set(AUDIT_ACTIONS);

export function isAuditAction(value: string): value is AuditAction {
  return known.has(value);
}
