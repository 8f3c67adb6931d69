import { useId, useState, type FormEvent } from 'react';
import { Field } from '../forms/Field.tsx';
import { FormAlert } from '../forms/FormAlert.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { auditActions } from './auditActions.ts';
import { emptyAuditFilters, type AuditFilters } from './auditApi.ts';

/** Actor, action, entity type and id, and a date range; applied on submit. */
export function AuditFilterForm({ initial, onApply, error }: { initial: AuditFilters; onApply: (filters: AuditFilters) => void; error: unknown }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<AuditFilters>(initial);
  const actionsId = useId();
  const set = (key: keyof AuditFilters) => (value: string) => setDraft({ ...draft, [key]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({
      actor: draft.actor.trim(),
      action: draft.action.trim(),
      entityType: draft.entityType.trim(),
      entityId: draft.entityId.trim(),
      from: draft.from,
      to: draft.to,
    });
  };
  return (
    <form className="filters" role="search" aria-label={t('audit.filters')} onSubmit={submit}>
      {error ? (
        <div className="filters-alert">
          <FormAlert error={error} />
        </div>
      ) : null}
      <Field label={t('audit.actor')} name="actor" error={error} value={draft.actor} onChange={set('actor')} hint={t('audit.actorHint')} dir="ltr" />
      <Field label={t('audit.action')} name="action" error={error} value={draft.action} onChange={set('action')} list={actionsId} dir="ltr" />
      <datalist id={actionsId}>
        {auditActions.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <Field label={t('audit.entityType')} name="entityType" error={error} value={draft.entityType} onChange={set('entityType')} dir="ltr" />
      <Field label={t('audit.entityId')} name="entityId" error={error} value={draft.entityId} onChange={set('entityId')} dir="ltr" />
      <Field label={t('audit.from')} name="from" error={error} type="date" value={draft.from} onChange={set('from')} />
      <Field label={t('audit.to')} name="to" error={error} type="date" value={draft.to} onChange={set('to')} />
      <div className="form-actions">
        <button type="submit" className="button">
          {t('action.apply')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setDraft(emptyAuditFilters);
            onApply(emptyAuditFilters);
          }}
        >
          {t('action.clear')}
        </button>
      </div>
    </form>
  );
}
