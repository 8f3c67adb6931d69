import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** Copies `text` to the clipboard and says so in a live region (the button label stays put). */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <span className="copy">
      <button type="button" className="button button-secondary" onClick={copy}>
        {label ?? t('action.copy')}
      </button>
      <span role="status" className="copy-status">
        {copied === true && t('action.copied')}
        {copied === false && t('action.copyFailed')}
      </span>
    </span>
  );
}
