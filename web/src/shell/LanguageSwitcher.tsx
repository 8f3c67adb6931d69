import { useId } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { isLanguage, languages, nativeNames } from '../i18n/languages.ts';

/** A native <select>: labelled, keyboard and screen-reader friendly without extra code. */
export function LanguageSwitcher() {
  const { lang, setLanguage, t } = useI18n();
  const id = useId();
  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={lang}
        onChange={(event) => {
          const next = event.target.value;
          if (isLanguage(next)) setLanguage(next);
        }}
      >
        {languages.map((l) => (
          // Each option in its own language, so it is read and shaped correctly.
          <option key={l} value={l} lang={l} dir={l === 'ar' ? 'rtl' : 'ltr'}>
            {nativeNames[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
