import { useState, type FormEvent } from 'react';
import { roles } from '../auth/permissions.ts';
import { Field } from '../forms/Field.tsx';
import { SelectField } from '../forms/SelectField.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { userStatuses, type UserFilters } from './adminApi.ts';
import { useDirectory } from './directory.ts';

/** Search text, status, role and organisation; applied on submit so typing sends no requests. */
export function UserFilterForm({ onApply }: { onApply: (filters: UserFilters) => void }) {
  const { t, compare } = useI18n();
  const [directory] = useDirectory();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [role, setRole] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const organisations = directory.status === 'ready' ? directory.data.organisations : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ q: q.trim() || undefined, status: status || undefined, role: role || undefined, organisationId: organisationId || undefined });
  };
  return (
    <form className="filters" role="search" onSubmit={submit} aria-label={t('admin.users.filters')}>
      <Field label={t('admin.users.search')} name="q" type="search" value={q} onChange={setQ} />
      <SelectField label={t('field.status')} name="status" value={status} onChange={setStatus} emptyLabel={t('form.any')} options={userStatuses.map((s) => [s, t(`status.${s}`)] as const)} />
      <SelectField label={t('field.role')} name="role" value={role} onChange={setRole} emptyLabel={t('form.any')} options={roles.map((r) => [r, t(`role.${r}`)] as const)} />
      <SelectField
        label={t('field.organisation')}
        name="organisationId"
        value={organisationId}
        onChange={setOrganisationId}
        emptyLabel={t('form.any')}
        options={organisations.map((o) => [o.id, o.acronym ?? o.name] as const).sort((a, b) => compare(a[1], b[1]))}
      />
      <div className="form-actions">
        <button type="submit" className="button">
          {t('action.apply')}
        </button>
      </div>
    </form>
  );
}
