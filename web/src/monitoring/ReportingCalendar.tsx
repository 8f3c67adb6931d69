import { useEffect, useRef, useState } from 'react';
import { useAuth } from '../auth/AuthProvider.tsx';
import { FormSuccess } from '../forms/FormAlert.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAsync } from '../shared/useAsync.ts';
import { getRounds, type Round } from './monitoringApi.ts';
import { RoundForm } from './RoundForm.tsx';

/** Which form is open: none, a new round, or the round with this id. */
type Editing = null | { kind: 'new' } | { kind: 'edit'; id: string };

/**
 * The reporting calendar the Coordinator sets, against which "on time" is measured. Holders of
 * monitoring.manage_calendar add rounds and change them here.
 */
export function ReportingCalendar() {
  const { t } = useI18n();
  const { can } = useAuth();
  const manage = can('monitoring.manage_calendar');
  const [state, retry] = useAsync((signal) => getRounds(signal), []);
  // The list as reloaded after a save, so the table stays in place (and the focus with it).
  const [reloaded, setReloaded] = useState<Round[] | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const focusAfter = useRef<string | null>(null);
  const rounds = reloaded ?? (state.status === 'ready' ? state.data : null);

  useEffect(() => {
    if (editing !== null || !focusAfter.current) return;
    document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  }, [editing, rounds]);

  const close = (focusId: string) => {
    focusAfter.current = focusId;
    setEditing(null);
  };
  const onSaved = async (round: Round, created: boolean) => {
    setReloaded(await getRounds());
    setSaved(t(created ? 'monitoring.rounds.created' : 'monitoring.rounds.updated', { name: round.name }));
    close(created ? 'round-add' : `round-edit-${round.id}`);
  };
  const open = (which: Editing) => {
    setSaved(null);
    setEditing(which);
  };
  const editedRound = editing?.kind === 'edit' ? rounds?.find((r) => r.id === editing.id) : undefined;

  return (
    <section aria-labelledby="reporting-calendar">
      <h2 id="reporting-calendar">{t('monitoring.calendar.title')}</h2>
      <p>{t('monitoring.calendar.intro')}</p>
      {manage && (
        <>
          <FormSuccess message={saved} />
          {editing === null && (
            <p>
              <button id="round-add" type="button" className="button" onClick={() => open({ kind: 'new' })}>
                {t('monitoring.rounds.add')}
              </button>
            </p>
          )}
          {editing?.kind === 'new' && <RoundForm onSaved={(r) => onSaved(r, true)} onCancel={() => close('round-add')} />}
          {editedRound && <RoundForm key={editedRound.id} round={editedRound} onSaved={(r) => onSaved(r, false)} onCancel={() => close(`round-edit-${editedRound.id}`)} />}
        </>
      )}
      {!rounds && state.status === 'loading' && <LoadingState />}
      {!rounds && state.status === 'error' && <ErrorState error={state.error} onRetry={retry} />}
      {rounds && rounds.length === 0 && <p>{t('monitoring.calendar.none')}</p>}
      {rounds && rounds.length > 0 && (
        <div className="table-scroll">
          <table className="data-table calendar-table">
            <caption>{t('monitoring.calendar.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('monitoring.scorecard.round')}</th>
                <th scope="col">{t('monitoring.calendar.period')}</th>
                <th scope="col">{t('monitoring.scorecard.dueDate')}</th>
                {manage && <th scope="col">{t('monitoring.rounds.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <tr key={r.id} data-round={r.name}>
                  <th scope="row">{r.name}</th>
                  <td dir="ltr">
                    {r.periodStart} – {r.periodEnd}
                  </td>
                  <td dir="ltr">{r.dueDate}</td>
                  {manage && (
                    <td>
                      <button id={`round-edit-${r.id}`} type="button" className="button button-secondary button-small" onClick={() => open({ kind: 'edit', id: r.id })} disabled={editing !== null}>
                        {t('monitoring.rounds.edit')}
                        <span className="visually-hidden"> {r.name}</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
