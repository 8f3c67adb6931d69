import { useCallback, useState } from 'react';
import { Field } from '../forms/Field.tsx';
import { FormAlert } from '../forms/FormAlert.tsx';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { verifyTwoFactor } from './accessApi.ts';

/** A six-digit code from the authenticator app, or one of the recovery codes instead. */
export function VerifyTwoFactor({ onVerified }: { onVerified: () => void }) {
  const { t } = useI18n();
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const submission = useSubmit(
    useCallback(async () => {
      const value = code.replace(/\s+/g, '');
      await verifyTwoFactor(useRecovery ? { recoveryCode: value } : { code: value });
      onVerified();
    }, [code, useRecovery, onVerified]),
  );
  const invalid = { UNAUTHENTICATED: 'error.codeInvalid', VALIDATION_FAILED: 'error.codeInvalid', BAD_REQUEST: 'error.codeInvalid' } as const;
  return (
    <form className="form" onSubmit={submission.onSubmit} noValidate>
      <p>{useRecovery ? t('twoFactor.recoveryIntro') : t('twoFactor.verifyIntro')}</p>
      <FormAlert error={submission.error} attempt={submission.attempt} messages={invalid} />
      {useRecovery ? (
        <Field key="recovery" label={t('field.recoveryCode')} name="recoveryCode" autoComplete="off" spellCheck={false} required value={code} onChange={setCode} error={submission.error} dir="ltr" />
      ) : (
        <Field key="code" label={t('field.code')} name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" required value={code} onChange={setCode} error={submission.error} dir="ltr" />
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={submission.pending}>
          {t('twoFactor.verify')}
        </button>
        <button
          type="button"
          className="button-link"
          onClick={() => {
            setUseRecovery(!useRecovery);
            setCode('');
            submission.reset();
          }}
        >
          {useRecovery ? t('twoFactor.useApp') : t('twoFactor.useRecovery')}
        </button>
      </div>
    </form>
  );
}
