import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useAuth } from '../auth/AuthProvider.tsx';
import { Field, FieldNotes } from '../forms/Field.tsx';
import { FormAlert, FormSuccess } from '../forms/FormAlert.tsx';
import { fieldReason } from '../forms/errorMessage.ts';
import { SelectField } from '../forms/SelectField.tsx';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LocalizedText } from '../mandates/LocalizedText.tsx';
import { pickText } from '../mandates/labels.ts';
import { getMandate, getMandates, type MandateList } from '../mandates/mandatesApi.ts';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAsync } from '../shared/useAsync.ts';
import type { Activity } from './activitiesApi.ts';
import { mandateSymbol } from './narratives.ts';
import { putMandateLinks, referencePattern, type ActivityLinks } from './mandateLinksApi.ts';
import { mayEditActivity } from './mayEditActivity.ts';
import './mandateLinks.css';

/**
 * "Edit mandate links" on an activity page, for those who may change the activity: pick a
 * mandate, tick its operative paragraphs (or type a reference), save. Saving replaces the
 * whole set and makes a new version; `onSaved` reloads the page's activity and history.
 */
export function MandateLinksEditor({ activity, onSaved }: { activity: Activity; onSaved: (saved: ActivityLinks) => Promise<void> }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const [open, setOpen] = useState(false);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (!open && returnFocus.current) editButton.current?.focus();
    returnFocus.current = false;
  }, [open]);
  if (!mayEditActivity(user, activity.reportingOrgId)) return null;
  const close = () => {
    returnFocus.current = true;
    setOpen(false);
  };
  return (
    <div className="mandate-links-editor">
      {savedVersion !== null && <FormSuccess message={t('activities.links.saved', { version: savedVersion })} />}
      {open ? (
        <LinksForm
          activity={activity}
          onCancel={close}
          onSaved={async (saved) => {
            await onSaved(saved);
            setSavedVersion(saved.version);
            close();
          }}
        />
      ) : (
        <p>
          <button ref={editButton} type="button" className="button button-secondary" onClick={() => (setSavedVersion(null), setOpen(true))}>
            {t('activities.links.edit')}
          </button>
        </p>
      )}
    </div>
  );
}

function LinksForm({ activity, onCancel, onSaved }: { activity: Activity; onCancel: () => void; onSaved: (saved: ActivityLinks) => Promise<void> }) {
  const { t, lang } = useI18n();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [selected, setSelected] = useState<string[]>(() => [...activity.document.mandateLinks]);
  const [mandateId, setMandateId] = useState('');
  const [typed, setTyped] = useState('');
  const [typedProblem, setTypedProblem] = useState<string | undefined>();
  const [mandates, retryMandates] = useAsync((signal) => getMandates(null, signal), []);

  useEffect(() => heading.current?.focus(), []);
  // Open on the mandate of the first existing link, so its ticked paragraphs show at once.
  useEffect(() => {
    if (mandates.status !== 'ready' || mandateId) return;
    const symbol = selected.map(mandateSymbol).find(Boolean);
    const match = mandates.data.items.find((m) => m.symbol === symbol);
    if (match) setMandateId(match.id);
    // Only when the list arrives: later the reader chooses.
  }, [mandates.status]);

  // References compare without case: the server canonicalises them ("5(A)" is "5(a)").
  const same = (a: string) => (b: string) => a.toLowerCase() === b.toLowerCase();
  const toggle = (reference: string, on: boolean) => setSelected((list) => (on ? (list.some(same(reference)) ? list : [...list, reference]) : list.filter((r) => !same(reference)(r))));
  const addTyped = () => {
    const reference = typed.trim().replace(/\s+/g, ' ');
    if (!referencePattern.test(reference)) return setTypedProblem(t('activities.links.referenceInvalid'));
    if (selected.some(same(reference))) return setTypedProblem(t('activities.links.referenceDuplicate'));
    setSelected((list) => [...list, reference]);
    setTyped('');
    setTypedProblem(undefined);
  };
  // The server names a rejected reference by its index in what was sent ("body.references[1]"),
  // so the list as sent is kept: the reason stays with its reference while the list changes.
  const sent = useRef<string[]>([]);
  const submit = useSubmit(
    useCallback(async () => {
      sent.current = selected;
      await onSaved(await putMandateLinks(activity.id, selected));
    }, [activity.id, selected, onSaved]),
  );
  const reasonOf = (reference: string) => {
    const index = sent.current.indexOf(reference);
    return index < 0 ? undefined : (fieldReason(submit.error, `references[${index}]`) ?? fieldReason(submit.error, `references.${index}`));
  };

  return (
    <form className="form mandate-links-form" aria-labelledby={headingId} onSubmit={submit.onSubmit} noValidate>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t('activities.links.title')}
      </h3>
      <p className="field-hint">{t('activities.links.intro')}</p>
      <FormAlert error={submit.error} attempt={submit.attempt} />

      {mandates.status === 'loading' && <LoadingState />}
      {mandates.status === 'error' && <ErrorState error={mandates.error} onRetry={retryMandates} />}
      {mandates.status === 'ready' && (
        <SelectField
          label={t('activities.links.mandate')}
          name="mandate"
          value={mandateId}
          onChange={setMandateId}
          emptyLabel={t('activities.links.chooseMandate')}
          options={mandates.data.items.map((m) => [m.id, `${m.symbol}: ${pickText(m.title, lang)}`] as const)}
        />
      )}
      {mandateId && mandates.status === 'ready' && <ParagraphChoices mandate={mandates.data.items.find((m) => m.id === mandateId)!} selected={selected} onToggle={toggle} />}

      <div className="mandate-links-typed">
        <Field
          label={t('activities.links.reference')}
          name="reference"
          dir="ltr"
          value={typed}
          onChange={(v) => (setTyped(v), setTypedProblem(undefined))}
          onKeyDown={(e) => {
            // Enter adds the reference rather than saving the whole form.
            if (e.key === 'Enter') {
              e.preventDefault();
              addTyped();
            }
          }}
          hint={t('activities.links.referenceHint')}
          problem={typedProblem}
        />
        <button type="button" className="button button-secondary button-small" onClick={addTyped}>
          {t('activities.links.add')}
        </button>
      </div>

      <section aria-labelledby={`${headingId}-selected`}>
        <h4 id={`${headingId}-selected`}>{t('activities.links.selected')}</h4>
        {selected.length === 0 ? (
          <p className="muted">{t('activities.links.selectedNone')}</p>
        ) : (
          <ul className="mandate-links-selected">
            {selected.map((reference) => (
              <SelectedReference key={reference} reference={reference} reason={reasonOf(reference)} onRemove={() => toggle(reference, false)} />
            ))}
          </ul>
        )}
      </section>

      <div className="form-actions">
        <button type="submit" className="button" disabled={submit.pending}>
          {t('activities.links.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('activities.links.cancel')}
        </button>
      </div>
    </form>
  );
}

/** One reference to be saved, with the server's reason when it rejected it, and a Remove button. */
function SelectedReference({ reference, reason, onRemove }: { reference: string; reason: string | undefined; onRemove: () => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <li data-reference={reference}>
      <span dir="ltr">{reference}</span>{' '}
      <button type="button" className="button-link" onClick={onRemove} aria-describedby={reason ? `${id}-error` : undefined}>
        {t('activities.links.remove')}
        <span className="visually-hidden"> {reference}</span>
      </button>
      <FieldNotes id={id} reason={reason} />
    </li>
  );
}

/** The operative paragraphs of one mandate as a group of checkboxes (number and text each). */
function ParagraphChoices({ mandate, selected, onToggle }: { mandate: MandateList['items'][number]; selected: readonly string[]; onToggle: (reference: string, on: boolean) => void }) {
  const { t } = useI18n();
  const [state, retry] = useAsync((signal) => getMandate(mandate.id, signal), [mandate.id]);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={retry} />;
  const chosen = new Set(selected.map((r) => r.toLowerCase()));
  return (
    <fieldset className="mandate-paragraph-choices">
      <legend>{t('activities.links.paragraphs', { symbol: state.data.symbol })}</legend>
      {state.data.paragraphs.length === 0 && <p className="muted">{t('activities.links.noParagraphs')}</p>}
      {state.data.paragraphs.map((p) => (
        <label key={p.label} className="checkbox-row" data-paragraph={p.label}>
          <input type="checkbox" checked={chosen.has(p.reference.toLowerCase())} onChange={(e) => onToggle(p.reference, e.target.checked)} />
          <span>
            <strong>{t('activities.links.paragraph', { label: p.label })}</strong> <LocalizedText text={p.summary} />
          </span>
        </label>
      ))}
    </fieldset>
  );
}
