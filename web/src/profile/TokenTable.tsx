import type { ApiToken } from '../auth/accessApi.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** API tokens with their state; `showOwner` for the administrators' list of everyone's. */
export function TokenTable({
  tokens,
  onRevoke,
  pending,
  showOwner = false,
  canRevoke = true,
}: {
  tokens: ApiToken[];
  onRevoke: (token: ApiToken) => void;
  pending: boolean;
  showOwner?: boolean;
  canRevoke?: boolean;
}) {
  const { t, formatDateTime } = useI18n();
  if (tokens.length === 0) return <p>{t('tokens.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table list-table">
        <caption className="visually-hidden">{t('tokens.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tokens.name')}</th>
            {showOwner && <th scope="col">{t('tokens.owner')}</th>}
            <th scope="col">{t('tokens.prefix')}</th>
            <th scope="col">{t('tokens.expires')}</th>
            <th scope="col">{t('tokens.lastUsed')}</th>
            <th scope="col">{t('tokens.state')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('table.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => {
            const expired = new Date(token.expiresAt).getTime() < Date.now();
            const active = !token.revokedAt && !expired;
            return (
              <tr key={token.id}>
                <th scope="row">{token.name}</th>
                {showOwner && <td><span dir="ltr">{token.userEmail ?? token.userId ?? '—'}</span></td>}
                <td dir="ltr">
                  <code>{token.prefix}…</code>
                </td>
                <td>{formatDateTime(token.expiresAt)}</td>
                <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('tokens.never')}</td>
                <td>{token.revokedAt ? t('tokens.revoked') : expired ? t('tokens.expired') : t('tokens.active')}</td>
                <td>
                  {active && canRevoke && (
                    <button type="button" className="button button-small button-secondary" disabled={pending} onClick={() => onRevoke(token)}>
                      {t('tokens.revoke')}
                      <span className="visually-hidden"> {token.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
