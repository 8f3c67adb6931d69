import { useCallback, useState } from 'react';
import { updateMe, type Me } from '../auth/accessApi.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { RoleList } from '../admin/RoleList.tsx';
import { Field } from '../forms/Field.tsx';
import { FormAlert, FormSuccess } from '../forms/FormAlert.tsx';
import { SelectField } from '../forms/SelectField.tsx';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { isLanguage, languages, nativeNames, type Language } from '../i18n/languages.ts';

/** Name and preferred language; saving the language also switches the interface to it. */
export function ProfileDetails({ user }: { user: Me }) {
  const { t, setLanguage } = useI18n();
  const { refresh } = useAuth();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [language, setLanguageChoice] = useState<Language>(user.preferredLanguage);
  const [saved, setSaved] = useState(false);
  const submission = useSubmit(
    useCallback(async () => {
      setSaved(false);
      await updateMe({ displayName: displayName.trim(), preferredLanguage: language });
      setLanguage(language);
      await refresh();
      setSaved(true);
    }, [displayName, language, setLanguage, refresh]),
  );
  return (
    <section aria-labelledby="profile-details">
      <h2 id="profile-details">{t('profile.details')}</h2>
      <dl className="facts">
        <dt>{t('field.email')}</dt>
        <dd dir="ltr">{user.email}</dd>
        <dt>{t('field.organisation')}</dt>
        <dd>{user.organisation.name}</dd>
        <dt>{t('field.roles')}</dt>
        <dd>
          <RoleList grants={user.roles} />
        </dd>
      </dl>
      <form className="form" onSubmit={submission.onSubmit} noValidate>
        <FormAlert error={submission.error} attempt={submission.attempt} />
        <Field label={t('field.displayName')} name="displayName" autoComplete="name" required value={displayName} onChange={setDisplayName} error={submission.error} />
        <SelectField
          label={t('field.preferredLanguage')}
          name="preferredLanguage"
          value={language}
          onChange={(value) => isLanguage(value) && setLanguageChoice(value)}
          options={languages.map((l) => [l, nativeNames[l]] as const)}
          error={submission.error}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={submission.pending}>
            {t('action.save')}
          </button>
          <FormSuccess message={saved ? t('profile.saved') : null} />
        </div>
      </form>
    </section>
  );
}
