import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { verifyAuditChain, type ChainCheck } from './auditApi.ts';

/** Recomputes the hash chain on the server and says whether it is intact, or where it breaks. */
export function ChainVerify() {
  const { t, formatNumber } = useI18n();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ChainCheck | null>(null);
  const [error, setError] = useState<unknown>(null);
  const verify = () => {
    setPending(true);
    setError(null);
    verifyAuditChain().then(
      (check) => {
        setResult(check);
        setPending(false);
      },
      (failure: unknown) => {
        setError(failure);
        setPending(false);
      },
    );
  };
  return (
    <section className="chain-verify" aria-labelledby="chain-verify-heading">
      <h2 id="chain-verify-heading">{t('audit.verifyTitle')}</h2>
      <button type="button" className="button button-secondary" onClick={verify} disabled={pending}>
        {pending ? t('audit.verifying') : t('audit.verify')}
      </button>
      <div role="status" className="chain-result">
        {result?.ok === true && (
          <p className="chain-ok">
            {t('audit.chainOk', { count: formatNumber(result.count) })}{' '}
            <code dir="ltr" className="hash">
              {result.headHash}
            </code>
          </p>
        )}
        {result?.ok === false && (
          <p className="chain-broken">
            {t('audit.chainBroken', { event: String(result.brokenAt) })}{' '}
            <span lang="en" dir="ltr">
              ({result.reason})
            </span>
          </p>
        )}
      </div>
      {error !== null && <ErrorState error={error} />}
    </section>
  );
}
