import { useState } from 'react';
import { getMyTokens, revokeMyToken } from '../auth/accessApi.ts';
import { FormAlert } from '../forms/FormAlert.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAction } from '../shared/useAction.ts';
import { useAsync } from '../shared/useAsync.ts';
import { CreateTokenForm } from './CreateTokenForm.tsx';
import { NewTokenNotice } from './NewTokenNotice.tsx';
import { TokenTable } from './TokenTable.tsx';

/** The user's API tokens for machine clients: list, create (shown once), revoke. */
export function TokensSection() {
  const { t } = useI18n();
  const [tokens, reload] = useAsync((signal) => getMyTokens(signal), []);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const action = useAction();
  return (
    <section aria-labelledby="profile-tokens">
      <h2 id="profile-tokens">{t('tokens.title')}</h2>
      <p>{t('tokens.intro')}</p>
      {created && <NewTokenNotice name={created.name} token={created.token} onDismiss={() => setCreated(null)} />}
      <FormAlert error={action.error} />
      {tokens.status === 'loading' && <LoadingState />}
      {tokens.status === 'error' && <ErrorState error={tokens.error} onRetry={reload} />}
      {tokens.status === 'ready' && (
        <TokenTable
          tokens={tokens.data}
          pending={action.pending}
          onRevoke={(token) =>
            action.run(async () => {
              await revokeMyToken(token.id);
              reload();
            })
          }
        />
      )}
      <CreateTokenForm
        onCreated={(result) => {
          setCreated(result);
          reload();
        }}
      />
    </section>
  );
}
