import { useCallback, useState } from 'react';
import { disableTwoFactor } from '../auth/accessApi.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { Field } from '../forms/Field.tsx';
import { FormAlert } from '../forms/FormAlert.tsx';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router/Link.tsx';

/** Whether a second factor is on; set it up, or turn it off with a current code. */
export function TwoFactorSection({ enabled }: { enabled: boolean }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="profile-2fa">
      <h2 id="profile-2fa">{t('profile.twoFactor')}</h2>
      <p>
        <strong>{enabled ? t('profile.twoFactorOn') : t('profile.twoFactorOff')}</strong>
      </p>
      {enabled ? (
        <DisableTwoFactor />
      ) : (
        <p>
          <Link to="/two-factor?next=/profile" className="button">
            {t('profile.twoFactorSetUp')}
          </Link>
        </p>
      )}
    </section>
  );
}

function DisableTwoFactor() {
  const { t } = useI18n();
  const { refresh } = useAuth();
  const [code, setCode] = useState('');
  const submission = useSubmit(
    useCallback(async () => {
      await disableTwoFactor(code.replace(/\s+/g, ''));
      setCode('');
      await refresh();
    }, [code, refresh]),
  );
  return (
    <form className="form" onSubmit={submission.onSubmit} noValidate>
      <FormAlert error={submission.error} attempt={submission.attempt} messages={{ UNAUTHENTICATED: 'error.codeInvalid', VALIDATION_FAILED: 'error.codeInvalid' }} />
      <Field label={t('field.code')} name="code" inputMode="numeric" autoComplete="one-time-code" required value={code} onChange={setCode} error={submission.error} dir="ltr" hint={t('profile.twoFactorDisableHint')} />
      <div className="form-actions">
        <button type="submit" className="button button-danger" disabled={submission.pending}>
          {t('profile.twoFactorDisable')}
        </button>
      </div>
    </form>
  );
}
