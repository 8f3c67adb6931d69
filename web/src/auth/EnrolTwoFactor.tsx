import { useCallback, useState } from 'react';
import { Field } from '../forms/Field.tsx';
import { FormAlert } from '../forms/FormAlert.tsx';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAsync } from '../shared/useAsync.ts';
import { confirmEnrolment, startEnrolment, type Enrolment } from './accessApi.ts';
import { RecoveryCodes } from './RecoveryCodes.tsx';

/** Enrolment: scan the QR code (or type the secret), confirm with a code, keep the recovery codes. */
export function EnrolTwoFactor({ onDone }: { onDone: () => void }) {
  // The last enrolment started wins on the server, and useAsync keeps only the last answer.
  const [enrolment, retry] = useAsync(() => startEnrolment(), []);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onDone={onDone} />;
  if (enrolment.status === 'loading') return <LoadingState />;
  if (enrolment.status === 'error') return <ErrorState error={enrolment.error} onRetry={retry} />;
  return <EnrolForm enrolment={enrolment.data} onConfirmed={setRecoveryCodes} />;
}

function EnrolForm({ enrolment, onConfirmed }: { enrolment: Enrolment; onConfirmed: (codes: string[]) => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const submission = useSubmit(
    useCallback(async () => {
      const result = await confirmEnrolment(code.replace(/\s+/g, ''));
      onConfirmed(result.recoveryCodes);
    }, [code, onConfirmed]),
  );
  return (
    <>
      <p>{t('twoFactor.enrolIntro')}</p>
      <ol className="steps">
        <li>
          <p>{t('twoFactor.enrolScan')}</p>
          {/* The server renders the QR code; its SVG carries no script. */}
          <div className="qr" role="img" aria-label={t('twoFactor.qrLabel')} dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }} />
          <p>{t('twoFactor.enrolManual')}</p>
          <p>
            <code className="secret" dir="ltr">
              {enrolment.secret}
            </code>
          </p>
        </li>
        <li>
          <form className="form" onSubmit={submission.onSubmit} noValidate>
            <FormAlert error={submission.error} attempt={submission.attempt} messages={{ UNAUTHENTICATED: 'error.codeInvalid', VALIDATION_FAILED: 'error.codeInvalid', BAD_REQUEST: 'error.codeInvalid' }} />
            <Field label={t('field.code')} name="code" inputMode="numeric" autoComplete="one-time-code" required value={code} onChange={setCode} error={submission.error} dir="ltr" />
            <div className="form-actions">
              <button type="submit" className="button" disabled={submission.pending}>
                {t('twoFactor.confirm')}
              </button>
            </div>
          </form>
        </li>
      </ol>
    </>
  );
}
