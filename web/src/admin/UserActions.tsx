import { useState } from 'react';
import { FormAlert, FormSuccess } from '../forms/FormAlert.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useAction } from '../shared/useAction.ts';
import { resendInvitation, revokeUserSessions, updateUser, type AdminUserDetail } from './adminApi.ts';

/** Suspend or reactivate, resend the invitation, end every session. */
export function UserActions({ user, onChanged }: { user: AdminUserDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const action = useAction();
  const [done, setDone] = useState<string | null>(null);
  const run = (call: () => Promise<unknown>, message: string, reload: boolean) => {
    setDone(null);
    action.run(async () => {
      await call();
      setDone(message);
      if (reload) onChanged();
    });
  };
  return (
    <section aria-labelledby="user-actions">
      <h2 id="user-actions">{t('admin.user.actions')}</h2>
      <FormAlert error={action.error} />
      <div className="form-actions">
        {user.status === 'suspended' ? (
          <button type="button" className="button" disabled={action.pending} onClick={() => run(() => updateUser(user.id, { status: 'active' }), t('admin.user.activated'), true)}>
            {t('admin.user.activate')}
          </button>
        ) : (
          <button type="button" className="button button-danger" disabled={action.pending} onClick={() => run(() => updateUser(user.id, { status: 'suspended' }), t('admin.user.suspended'), true)}>
            {t('admin.user.suspend')}
          </button>
        )}
        {user.status === 'invited' && (
          <button type="button" className="button button-secondary" disabled={action.pending} onClick={() => run(() => resendInvitation(user.id), t('admin.user.invitationSent'), false)}>
            {t('admin.user.resendInvitation')}
          </button>
        )}
        <button type="button" className="button button-secondary" disabled={action.pending} onClick={() => run(() => revokeUserSessions(user.id), t('admin.user.sessionsRevoked'), false)}>
          {t('admin.user.revokeSessions')}
        </button>
      </div>
      <FormSuccess message={done} />
    </section>
  );
}
