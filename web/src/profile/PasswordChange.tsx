import { useCallback, useState } from 'react';
import { changePassword } from '../auth/accessApi.ts';
import { NewPasswordFields, type NewPassword } from '../auth/NewPasswordFields.tsx';
import { Field } from '../forms/Field.tsx';
import { FormAlert, FormSuccess } from '../forms/FormAlert.tsx';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

const empty: NewPassword = { password: '', confirmation: '' };

/** Current password, then the new one twice. */
export function PasswordChange() {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState<NewPassword>(empty);
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(false);
  const submission = useSubmit(
    useCallback(async () => {
      setTried(true);
      setSaved(false);
      if (next.password !== next.confirmation) return;
      await changePassword(current, next.password);
      setCurrent('');
      setNext(empty);
      setTried(false);
      setSaved(true);
    }, [current, next]),
  );
  return (
    <section aria-labelledby="profile-password">
      <h2 id="profile-password">{t('profile.password')}</h2>
      <form className="form" onSubmit={submission.onSubmit} noValidate>
        <FormAlert error={submission.error} attempt={submission.attempt} messages={{ UNAUTHENTICATED: 'error.currentPasswordWrong', INVALID_CREDENTIALS: 'error.currentPasswordWrong' }} />
        <Field
          label={t('field.currentPassword')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={setCurrent}
          error={submission.error}
        />
        <NewPasswordFields value={next} onChange={setNext} error={submission.error} showMismatch={tried} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={submission.pending}>
            {t('profile.changePassword')}
          </button>
          <FormSuccess message={saved ? t('profile.passwordChanged') : null} />
        </div>
      </form>
    </section>
  );
}
