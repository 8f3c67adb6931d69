import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { CopyButton } from '../shared/CopyButton.tsx';

/** A new token, shown this once: the server keeps only its hash. Focus moves here so it is noticed. */
export function NewTokenNotice({ name, token, onDismiss }: { name: string; token: string; onDismiss: () => void }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [token]);
  return (
    <div className="notice" ref={box} tabIndex={-1} aria-labelledby="new-token-heading">
      <h3 id="new-token-heading">{t('tokens.createdTitle', { name })}</h3>
      <p>{t('tokens.createdOnce')}</p>
      <p>
        <code className="secret" dir="ltr">
          {token}
        </code>
      </p>
      <div className="form-actions">
        <CopyButton text={token} />
        <button type="button" className="button button-secondary" onClick={onDismiss}>
          {t('tokens.dismiss')}
        </button>
      </div>
    </div>
  );
}
