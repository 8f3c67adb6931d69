import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { AdminLayout } from './AdminNav.tsx';
import { useDirectory } from './directory.ts';
import { InviteUserForm } from './InviteUserForm.tsx';

/** Invite a new user: the invitation e-mail (or the outbox) carries the link to set a password. */
export function InviteUserPage() {
  const [directory, retry] = useDirectory();
  return (
    <AdminLayout titleKey="admin.invite.title">
      {directory.status === 'loading' && <LoadingState />}
      {directory.status === 'error' && <ErrorState error={directory.error} onRetry={retry} />}
      {directory.status === 'ready' && <InviteUserForm directory={directory.data} />}
    </AdminLayout>
  );
}
