import { useCallback, useMemo, useState } from 'react';
import { Field } from '../forms/Field.tsx';
import { FormAlert } from '../forms/FormAlert.tsx';
import { SelectField } from '../forms/SelectField.tsx';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { isLanguage, languages, nativeNames, type Language } from '../i18n/languages.ts';
import { navigate } from '../router/history.ts';
import { createUser } from './adminApi.ts';
import type { Directory } from './directory.ts';
import { emptyGrant, GrantPicker, grantInput, type GrantDraft } from './GrantPicker.tsx';

/** Email, name, organisation, language and a first role grant (with its scope). */
export function InviteUserForm({ directory }: { directory: Directory }) {
  const { t, lang, compare } = useI18n();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [language, setLanguage] = useState<Language>(lang);
  const [grant, setGrant] = useState<GrantDraft>(emptyGrant);
  const [incomplete, setIncomplete] = useState(false);
  const organisations = useMemo(
    () => directory.organisations.map((o) => [o.id, o.acronym ? `${o.name} (${o.acronym})` : o.name] as const).sort((a, b) => compare(a[1], b[1])),
    [directory, compare],
  );
  const submission = useSubmit(
    useCallback(async () => {
      const first = grantInput(grant);
      setIncomplete(!first);
      if (!first) return;
      const { user } = await createUser({ email: email.trim(), displayName: displayName.trim(), organisationId, preferredLanguage: language, grants: [first] });
      navigate(`/admin/user?id=${encodeURIComponent(user.id)}`);
    }, [email, displayName, organisationId, language, grant]),
  );
  return (
    <form className="form" onSubmit={submission.onSubmit} noValidate>
      <p>{t('admin.invite.intro')}</p>
      <FormAlert error={submission.error} attempt={submission.attempt} messages={{ CONFLICT: 'error.emailTaken' }} />
      <Field label={t('field.email')} name="email" type="email" dir="ltr" autoComplete="off" required value={email} onChange={setEmail} error={submission.error} />
      <Field label={t('field.displayName')} name="displayName" autoComplete="off" required value={displayName} onChange={setDisplayName} error={submission.error} />
      <SelectField label={t('field.organisation')} name="organisationId" value={organisationId} required emptyLabel={t('form.choose')} onChange={setOrganisationId} options={organisations} error={submission.error} />
      <SelectField
        label={t('field.preferredLanguage')}
        name="preferredLanguage"
        value={language}
        onChange={(value) => isLanguage(value) && setLanguage(value)}
        options={languages.map((l) => [l, nativeNames[l]] as const)}
        error={submission.error}
      />
      <fieldset>
        <legend>{t('admin.invite.firstGrant')}</legend>
        {incomplete && (
          <p className="form-alert" role="alert">
            {t('admin.grantIncomplete')}
          </p>
        )}
        <GrantPicker value={grant} onChange={setGrant} directory={directory} error={submission.error} />
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button" disabled={submission.pending}>
          {t('admin.invite.submit')}
        </button>
      </div>
    </form>
  );
}
