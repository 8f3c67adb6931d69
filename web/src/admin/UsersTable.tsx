import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router/Link.tsx';
import type { AdminUser } from './adminApi.ts';

export function UsersTable({ users }: { users: AdminUser[] }) {
  const { t } = useI18n();
  if (users.length === 0) return <p>{t('admin.users.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table list-table">
        <caption className="visually-hidden">{t('admin.users.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('field.displayName')}</th>
            <th scope="col">{t('field.email')}</th>
            <th scope="col">{t('field.organisation')}</th>
            <th scope="col">{t('field.roles')}</th>
            <th scope="col">{t('field.status')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row">
                <Link to={`/admin/user?id=${encodeURIComponent(user.id)}`}>{user.displayName}</Link>
              </th>
              <td dir="ltr">{user.email}</td>
              <td>{user.organisationName}</td>
              <td>
                {user.roles.map((role) => t(`role.${role}`)).join(', ') || '—'}
              </td>
              <td>
                <span className={`badge badge-${user.status}`}>{t(`status.${user.status}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
