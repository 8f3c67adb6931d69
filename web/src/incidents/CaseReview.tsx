// The review step: what will be submitted, in the reader's language (countries by name).
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useCountryOptions } from '../shared/CountrySelect.tsx';
import { labelKey } from './labels.ts';
import type { Draft, Known } from './model.ts';

export function CaseReview({ draft }: { draft: Draft }) {
  const { t } = useI18n();
  const { nameOf } = useCountryOptions();
  const c = draft.content;
  const reason = (k: Known<unknown>) => ('reason' in k ? t(`incidents.reason.${k.reason}`) : '');
  const country = (k: Known<string>) => ('value' in k ? nameOf(k.value) : reason(k));
  return (
    <div className="review">
      <p>{t('incidents.form.reviewHelp')}</p>
      <dl>
        <dt>{t('incidents.form.externalId')}</dt>
        <dd>{c.externalId}</dd>
        <dt>{t('incidents.form.entityType')}</dt>
        <dd>{t(labelKey('entity', c.reportingEntity.type))}</dd>
        <dt>{t('incidents.form.iccs')}</dt>
        <dd>{'value' in c.event.iccsCode ? t(labelKey('iccs', c.event.iccsCode.value)) : reason(c.event.iccsCode)}</dd>
        <dt>{t('incidents.form.places')}</dt>
        <dd>{c.event.places.map((p) => `${t(labelKey('stage', p.stage))}: ${country(p.country)}`).join(' → ') || '—'}</dd>
      </dl>
      <p>{t('incidents.form.summary', { victims: c.victims.length, perpetrators: c.perpetrators.length, links: c.links.length })}</p>
    </div>
  );
}
