import { FormAlert } from '../forms/FormAlert.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { TokenTable } from '../profile/TokenTable.tsx';
import { useAction } from '../shared/useAction.ts';
import { revokeAnyToken, type AdminUserDetail } from './adminApi.ts';

/** The user's API tokens, revocable by an administrator. */
export function UserTokens({ user, manage, onChanged }: { user: AdminUserDetail; manage: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const action = useAction();
  return (
    <section aria-labelledby="user-tokens">
      <h2 id="user-tokens">{t('tokens.title')}</h2>
      <FormAlert error={action.error} />
      <TokenTable
        tokens={user.tokens}
        pending={action.pending}
        canRevoke={manage}
        onRevoke={(token) =>
          action.run(async () => {
            await revokeAnyToken(token.id);
            onChanged();
          })
        }
      />
    </section>
  );
}
