import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { CopyButton } from '../shared/CopyButton.tsx';

/** The one-time recovery codes, shown once: copy, download as .txt, then continue. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useI18n();
  const text = codes.join('\n') + '\n';
  const href = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="recovery-codes" aria-labelledby="recovery-codes-heading">
      <h2 id="recovery-codes-heading" ref={heading} tabIndex={-1}>
        {t('twoFactor.recoveryTitle')}
      </h2>
      <p>{t('twoFactor.recoveryOnce')}</p>
      <ul className="code-list" dir="ltr">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <CopyButton text={text} />
        <a className="button button-secondary" href={href} download="tiphub-recovery-codes.txt">
          {t('twoFactor.download')}
        </a>
        <button type="button" className="button" onClick={onDone}>
          {t('twoFactor.continue')}
        </button>
      </div>
    </section>
  );
}
