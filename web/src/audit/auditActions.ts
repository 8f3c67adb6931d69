// The server's list of audit actions (a plain module with no imports), offered as suggestions
// in the action filter; free text stays allowed.
export { AUDIT_ACTIONS as auditActions } from '../../../server/platform/audit/audit.actions.ts';
