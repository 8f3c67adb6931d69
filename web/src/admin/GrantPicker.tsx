import { useMemo } from 'react';
import { roles, roleScopes, isRole, type Role } from '../auth/permissions.ts';
import { SelectField } from '../forms/SelectField.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { GrantInput } from './adminApi.ts';
import type { Directory } from './directory.ts';

export interface GrantDraft {
  role: Role | '';
  countryIso3: string;
  organisationId: string;
}

export const emptyGrant: GrantDraft = { role: '', countryIso3: '', organisationId: '' };

/** The request body for a complete draft; undefined while a role or its scope is missing. */
export function grantInput(draft: GrantDraft): GrantInput | undefined {
  if (!draft.role) return undefined;
  const scope = roleScopes[draft.role];
  if (scope === 'country') return draft.countryIso3 ? { role: draft.role, countryIso3: draft.countryIso3 } : undefined;
  if (scope === 'organisation') return draft.organisationId ? { role: draft.role, organisationId: draft.organisationId } : undefined;
  return { role: draft.role };
}

/** A role, then the country or organisation it is limited to when the role has a scope. */
export function GrantPicker({ value, onChange, directory, error }: { value: GrantDraft; onChange: (next: GrantDraft) => void; directory: Directory; error?: unknown }) {
  const { t, name, compare } = useI18n();
  const scope = value.role ? roleScopes[value.role] : 'global';
  const countryOptions = useMemo(
    () => directory.countries.map((c) => [c.iso3, name(c.names)] as const).sort((a, b) => compare(a[1], b[1])),
    [directory, name, compare],
  );
  const organisationOptions = useMemo(
    () => directory.organisations.map((o) => [o.id, o.acronym ? `${o.name} (${o.acronym})` : o.name] as const).sort((a, b) => compare(a[1], b[1])),
    [directory, compare],
  );
  return (
    <div className="grant-picker">
      <SelectField
        label={t('field.role')}
        name="role"
        value={value.role}
        required
        emptyLabel={t('form.choose')}
        onChange={(role) => onChange({ ...emptyGrant, role: isRole(role) ? role : '' })}
        options={roles.map((r) => [r, t(`role.${r}`)] as const)}
        error={error}
      />
      {scope === 'country' && (
        <SelectField
          label={t('field.scopeCountry')}
          name="countryIso3"
          value={value.countryIso3}
          required
          emptyLabel={t('form.choose')}
          onChange={(countryIso3) => onChange({ ...value, countryIso3 })}
          options={countryOptions}
          error={error}
        />
      )}
      {scope === 'organisation' && (
        <SelectField
          label={t('field.scopeOrganisation')}
          name="organisationId"
          value={value.organisationId}
          required
          emptyLabel={t('form.choose')}
          onChange={(organisationId) => onChange({ ...value, organisationId })}
          options={organisationOptions}
          error={error}
        />
      )}
    </div>
  );
}
