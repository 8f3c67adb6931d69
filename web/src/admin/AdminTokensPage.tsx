import { FormAlert } from '../forms/FormAlert.tsx';
import { TokenTable } from '../profile/TokenTable.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAction } from '../shared/useAction.ts';
import { useAsync } from '../shared/useAsync.ts';
import { AdminLayout } from './AdminNav.tsx';
import { listAllTokens, revokeAnyToken } from './adminApi.ts';

/** Every API token of every user; an administrator may revoke any of them. */
export function AdminTokensPage() {
  const [tokens, reload] = useAsync((signal) => listAllTokens(signal), []);
  const action = useAction();
  return (
    <AdminLayout titleKey="admin.tokens.title">
      <FormAlert error={action.error} />
      {tokens.status === 'loading' && <LoadingState />}
      {tokens.status === 'error' && <ErrorState error={tokens.error} onRetry={reload} />}
      {tokens.status === 'ready' && (
        <TokenTable
          showOwner
          tokens={tokens.data}
          pending={action.pending}
          onRevoke={(token) =>
            action.run(async () => {
              await revokeAnyToken(token.id);
              reload();
            })
          }
        />
      )}
    </AdminLayout>
  );
}
