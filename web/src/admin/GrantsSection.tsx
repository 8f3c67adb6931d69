import { useCallback, useState } from 'react';
import { FormAlert } from '../forms/FormAlert.tsx';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAction } from '../shared/useAction.ts';
import { addGrant, removeGrant, type AdminUserDetail } from './adminApi.ts';
import { useDirectory, type Directory } from './directory.ts';
import { emptyGrant, GrantPicker, grantInput, type GrantDraft } from './GrantPicker.tsx';
import { useGrantLabel } from './RoleList.tsx';

/** The user's role grants; administrators remove them or add one. */
export function GrantsSection({ user, manage, onChanged }: { user: AdminUserDetail; manage: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const [directory, retry] = useDirectory();
  const label = useGrantLabel(directory.status === 'ready' ? directory.data : undefined);
  const action = useAction();
  return (
    <section aria-labelledby="user-grants">
      <h2 id="user-grants">{t('admin.user.grants')}</h2>
      <FormAlert error={action.error} />
      {user.grants.length === 0 ? (
        <p>{t('admin.user.noGrants')}</p>
      ) : (
        <ul className="grant-list">
          {user.grants.map((grant) => (
            <li key={grant.id}>
              <span>{label(grant)}</span>
              {manage && (
                <button
                  type="button"
                  className="button button-small button-secondary"
                  disabled={action.pending}
                  onClick={() =>
                    action.run(async () => {
                      await removeGrant(user.id, grant.id);
                      onChanged();
                    })
                  }
                >
                  {t('admin.user.removeGrant')}
                  <span className="visually-hidden"> {label(grant)}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {manage && directory.status === 'loading' && <LoadingState />}
      {manage && directory.status === 'error' && <ErrorState error={directory.error} onRetry={retry} />}
      {manage && directory.status === 'ready' && <AddGrantForm userId={user.id} directory={directory.data} onAdded={onChanged} />}
    </section>
  );
}

function AddGrantForm({ userId, directory, onAdded }: { userId: string; directory: Directory; onAdded: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<GrantDraft>(emptyGrant);
  const [incomplete, setIncomplete] = useState(false);
  const submission = useSubmit(
    useCallback(async () => {
      const grant = grantInput(draft);
      setIncomplete(!grant);
      if (!grant) return;
      await addGrant(userId, grant);
      setDraft(emptyGrant);
      onAdded();
    }, [draft, userId, onAdded]),
  );
  return (
    <form className="form form-inline" onSubmit={submission.onSubmit} noValidate aria-labelledby="add-grant-heading">
      <h3 id="add-grant-heading">{t('admin.user.addGrant')}</h3>
      <FormAlert error={submission.error} attempt={submission.attempt} />
      {incomplete && (
        <p className="form-alert" role="alert">
          {t('admin.grantIncomplete')}
        </p>
      )}
      <GrantPicker value={draft} onChange={setDraft} directory={directory} error={submission.error} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={submission.pending}>
          {t('admin.user.addGrantSubmit')}
        </button>
      </div>
    </form>
  );
}
