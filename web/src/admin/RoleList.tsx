import type { RoleGrant } from '../auth/accessApi.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useDirectory, type Directory } from './directory.ts';

/** Role grants as readable text: "State focal point — France". */
export function RoleList({ grants }: { grants: readonly RoleGrant[] }) {
  const [directory] = useDirectory();
  const label = useGrantLabel(directory.status === 'ready' ? directory.data : undefined);
  if (grants.length === 0) return <>—</>;
  return (
    <ul className="plain-list">
      {grants.map((grant, index) => (
        <li key={grant.id ?? index}>{label(grant)}</li>
      ))}
    </ul>
  );
}

/** Names a grant's role and, when scoped, its country or organisation. */
export function useGrantLabel(directory: Directory | undefined): (grant: RoleGrant) => string {
  const { t, name } = useI18n();
  return (grant) => {
    const role = t(`role.${grant.role}`);
    const scope = grant.countryIso3
      ? (directory?.countries.find((c) => c.iso3 === grant.countryIso3)?.names ?? null)
      : null;
    if (scope) return `${role} — ${name(scope)}`;
    if (grant.countryIso3) return `${role} — ${grant.countryIso3}`;
    if (grant.organisationId) {
      const organisation = directory?.organisations.find((o) => o.id === grant.organisationId);
      return `${role} — ${organisation ? (organisation.acronym ?? organisation.name) : grant.organisationId}`;
    }
    return role;
  };
}
