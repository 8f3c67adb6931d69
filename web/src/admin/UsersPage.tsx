import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAsync } from '../shared/useAsync.ts';
import { AdminLayout } from './AdminNav.tsx';
import { listUsers, type UserFilters } from './adminApi.ts';
import { UserFilterForm } from './UserFilterForm.tsx';
import { UsersTable } from './UsersTable.tsx';

/** Everyone with an account: search and filter, each name leading to the user's page. */
export function UsersPage() {
  const { t } = useI18n();
  const [filters, setFilters] = useState<UserFilters>({});
  const [users, retry] = useAsync((signal) => listUsers(filters, signal), [filters]);
  return (
    <AdminLayout titleKey="admin.users.title">
      <UserFilterForm onApply={setFilters} />
      {users.status === 'loading' && <LoadingState />}
      {users.status === 'error' && <ErrorState error={users.error} onRetry={retry} />}
      {users.status === 'ready' && (
        <>
          <p role="status">{t('admin.users.count', { count: users.data.length })}</p>
          <UsersTable users={users.data} />
        </>
      )}
    </AdminLayout>
  );
}
