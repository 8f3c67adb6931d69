import { useCallback, useState } from 'react';
import { Field } from '../forms/Field.tsx';
import { FormAlert } from '../forms/FormAlert.tsx';
import { SelectField } from '../forms/SelectField.tsx';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { navigate } from '../router/history.ts';
import { Link } from '../router/Link.tsx';
import { organisationHref } from './OrganisationsPage.tsx';
import { createOrganisation, lookAlikesOf, organisationTypes, type LookAlike, type NewOrganisation } from './registryApi.ts';
import { useCountries } from './useCountries.ts';

/**
 * `/organisations/new`: registers an organisation. When the API answers that look-alikes exist
 * (409 with candidates), they are listed and the user either changes the details or confirms
 * that theirs is a different organisation.
 */
export function CreateOrganisationPage() {
  const { t, lang } = useI18n();
  const countries = useCountries();
  const [type, setType] = useState('');
  const [name, setName] = useState('');
  const [acronym, setAcronym] = useState('');
  const [aliases, setAliases] = useState('');
  const [country, setCountry] = useState('');
  const [website, setWebsite] = useState('');
  const [iati, setIati] = useState('');
  const [lookAlikes, setLookAlikes] = useState<LookAlike[]>([]);

  const input = (): NewOrganisation => ({
    type: type as NewOrganisation['type'],
    name: name.trim(),
    acronym: acronym.trim() || undefined,
    aliases: aliases.split(';').map((a) => a.trim()).filter(Boolean),
    countryIso3: country || undefined,
    website: website.trim() || undefined,
    iatiOrgId: iati.trim() || undefined,
  });
  const send = useCallback(
    async (confirm: boolean) => {
      try {
        const created = await createOrganisation(input(), confirm);
        navigate(organisationHref(created.id));
      } catch (error) {
        const found = lookAlikesOf(error);
        setLookAlikes(found);
        // Look-alikes are shown as a list below, not as a failure.
        if (found.length === 0) throw error;
      }
    },
    [type, name, acronym, aliases, country, website, iati],
  );
  const submit = useSubmit(useCallback(() => send(false), [send]));
  const confirm = useSubmit(useCallback(() => send(true), [send]));
  const error = submit.error ?? confirm.error;

  return (
    <div className="page registry">
      <h1>{t('registry.create.title')}</h1>
      <p>{t('registry.create.intro')}</p>
      <form className="stack-form" onSubmit={submit.onSubmit} noValidate>
        <FormAlert error={error} attempt={submit.attempt + confirm.attempt} />
        <SelectField label={t('registry.type')} name="type" value={type} onChange={setType} required emptyLabel={t('registry.create.choose')} options={organisationTypes.map((v) => [v, t(`registry.type.${v}`)] as const)} error={error} />
        <Field label={t('registry.create.name')} name="name" value={name} onChange={(v) => (setName(v), setLookAlikes([]))} required error={lookAlikes.length ? undefined : error} />
        <Field label={t('registry.create.acronym')} name="acronym" value={acronym} onChange={(v) => (setAcronym(v), setLookAlikes([]))} error={error} />
        <Field label={t('registry.create.aliases')} name="aliases" value={aliases} onChange={setAliases} error={error} />
        <SelectField label={t('registry.country')} name="countryIso3" value={country} onChange={setCountry} emptyLabel={t('registry.create.choose')} options={countries.options} error={error} />
        <Field label={t('registry.create.website')} name="website" type="url" dir="ltr" value={website} onChange={setWebsite} error={error} />
        <Field label={t('registry.create.iati')} name="iatiOrgId" dir="ltr" value={iati} onChange={setIati} error={error} />
        {lookAlikes.length === 0 && (
          <div className="form-actions">
            <button type="submit" className="button" disabled={submit.pending}>
              {t('registry.create.submit')}
            </button>
          </div>
        )}
      </form>
      {lookAlikes.length > 0 && (
        <section className="look-alikes" role="alert" aria-labelledby="look-alikes-heading">
          <h2 id="look-alikes-heading">{t('registry.create.lookAlike')}</h2>
          <table className="data-table list-table look-alikes-table">
            <caption>{t('registry.create.candidatesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registry.name')}</th>
                <th scope="col">{t('registry.type')}</th>
                <th scope="col">{t('registry.country')}</th>
                <th scope="col">{t('registry.create.why')}</th>
              </tr>
            </thead>
            <tbody>
              {lookAlikes.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={organisationHref(c.id)}>{c.acronym ? `${c.name} (${c.acronym})` : c.name}</Link>
                  </th>
                  <td>{organisationTypes.includes(c.type as never) ? t(`registry.type.${c.type as (typeof organisationTypes)[number]}`) : c.type}</td>
                  <td>{(c.countryIso3 && countries.byIso3.get(c.countryIso3)?.names[lang]) ?? c.countryIso3}</td>
                  {/* The API's reason is English: marked so it is read with the right voice. */}
                  <td lang="en" dir="ltr">
                    {c.reason}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => confirm.onSubmit()} disabled={confirm.pending}>
              {t('registry.create.confirm')}
            </button>{' '}
            <button type="button" className="button button-secondary" onClick={() => setLookAlikes([])}>
              {t('registry.create.change')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
