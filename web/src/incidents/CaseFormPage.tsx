// The multi-step case form: /incidents/new, and /incident?state=XXX&id=... for a saved case.
// Each step is saved as a draft (a new version on the server) before the next one opens;
// focus moves to the step's heading so keyboard and screen-reader users know where they are.
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { navigate, useSearchParam } from '../router/history.ts';
import { Link } from '../router/Link.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAsync } from '../shared/useAsync.ts';
import { checkStep, serverProblems, stepOf, steps, type Problem, type StepId } from './formRules.ts';
import { CaseSharing } from './CaseSharing.tsx';
import { EntityStep, EventStep, LinksStep, type StepProps } from './FormSteps.tsx';
import { createCase, getCase, submitCase, updateCase, type CaseView } from './incidentsApi.ts';
import { labelKey } from './labels.ts';
import { draftOf, emptyDraft, payloadOf, type Draft } from './model.ts';
import { ownStates } from './ownStates.ts';
import { PerpetratorsStep } from './PerpetratorsStep.tsx';
import { CaseReview } from './CaseReview.tsx';
import { VictimsStep } from './VictimsStep.tsx';
import './incidents.css';

export function NewCasePage() {
  const { user } = useAuth();
  const { t } = useI18n();
  const state = useSearchParam('state') ?? ownStates(user)[0] ?? '';
  if (!state) return <p role="alert">{t('incidents.noState')}</p>;
  return <CaseForm state={state} saved={null} />;
}

export function EditCasePage() {
  const state = (useSearchParam('state') ?? '').toUpperCase();
  const id = useSearchParam('id') ?? '';
  const [loaded, retry] = useAsync((signal) => getCase(state, id, signal), [state, id]);
  if (loaded.status === 'loading') return <LoadingState />;
  if (loaded.status === 'error') return <ErrorState error={loaded.error} onRetry={retry} />;
  return <CaseForm key={loaded.data.id} state={state} saved={loaded.data} />;
}

function CaseForm({ state, saved: initial }: { state: string; saved: CaseView | null }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const [saved, setSaved] = useState<CaseView | null>(initial);
  const [draft, setDraftState] = useState<Draft>(initial ? draftOf(initial) : emptyDraft());
  const [step, setStep] = useState<StepId>(initial && !editable(initial) ? 'review' : 'entity');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  useEffect(() => {
    // Not on the first render: the page heading is where a new page starts.
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  const readOnly = saved !== null && !editable(saved);
  const index = steps.indexOf(step);
  const errors = new Map(problems.map((p) => [p.field, p.detail ? `${t(p.key)} (${p.detail})` : t(p.key)]));
  // Warnings follow the typing: they never stop a draft, only the submission (the review step).
  const warned = step === 'review' ? [] : checkStep(step, draft.content, today()).filter((p) => p.warning);
  const warnings = new Map(warned.map((p) => [p.field, t(p.key)]));
  const setDraft = (update: (d: Draft) => Draft) => setDraftState(update);
  const stepProps: StepProps = { draft, setDraft, notes: { errors, warnings } };

  /** Checks the step, saves the draft; true when saved. */
  async function save(check: StepId): Promise<boolean> {
    setNotice('');
    setFailure(null);
    const found = checkStep(check, draft.content, today()).filter((p) => !p.warning || check === 'review');
    setProblems(found);
    if (found.length) {
      focusFirstProblem();
      return false;
    }
    setBusy(true);
    try {
      const payload = payloadOf(draft);
      const view = saved ? await updateCase(state, saved.id, payload) : await createCase(state, payload);
      setSaved(view);
      // Identifiers were sealed by the server; the form forgets them.
      setDraftState({ ...draftOf(view), identifiers: {} });
      setNotice(t('incidents.form.saved', { version: view.version }));
      if (!saved) window.history.replaceState(null, '', `/incident?state=${view.reportingState}&id=${view.id}`);
      return true;
    } catch (err) {
      handle(err);
      return false;
    } finally {
      setBusy(false);
    }
  }

  function handle(err: unknown) {
    if (err instanceof ApiError && err.details.length) {
      setProblems(serverProblems(err));
      setFailure(null);
      focusFirstProblem();
    } else setFailure(err);
  }

  function focusFirstProblem() {
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.case-form [aria-invalid="true"], .case-form .form-problems')?.focus());
  }

  async function next() {
    if (await save(step)) setStep(steps[index + 1]!);
  }

  async function submit() {
    if (!saved) return;
    if (!(await save('review'))) return;
    setBusy(true);
    try {
      const view = await submitCase(state, saved.id);
      setSaved(view);
      setNotice(t('incidents.form.submitted'));
      heading.current?.focus();
    } catch (err) {
      handle(err);
    } finally {
      setBusy(false);
    }
  }

  const title = saved ? t('incidents.form.editTitle', { ref: saved.document.externalId }) : t('incidents.form.newTitle');
  return (
    <div className="page incidents case-form">
      <h1>{title}</h1>
      {saved && (
        <p>
          {t('incidents.filter.status')}: <strong data-status={saved.status}>{t(labelKey('status', saved.status))}</strong>
          {saved.reviewComments && <> — {saved.reviewComments}</>}
        </p>
      )}
      <ol className="steps" aria-label={t('incidents.form.progress', { step: index + 1, total: steps.length })}>
        {steps.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined}>
            {i + 1}. {t(`incidents.step.${s}`)}
          </li>
        ))}
      </ol>
      <h2 ref={heading} tabIndex={-1}>
        {t('incidents.form.progress', { step: index + 1, total: steps.length })}: {t(`incidents.step.${step}`)}
      </h2>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {problems.length > 0 && <ProblemList problems={problems} errors={errors} onGo={(s) => setStep(s)} />}
      {warned.length > 0 && <p className="form-warnings">{t('incidents.form.warnings')}</p>}
      {failure !== null && <ErrorState error={failure} />}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (step === 'review') void submit();
          else void next();
        }}
      >
        <fieldset disabled={readOnly || busy} className="step-body">
          {step === 'entity' && <EntityStep {...stepProps} />}
          {step === 'event' && <EventStep {...stepProps} />}
          {step === 'victims' && <VictimsStep {...stepProps} />}
          {step === 'perpetrators' && <PerpetratorsStep {...stepProps} />}
          {step === 'links' && <LinksStep {...stepProps} />}
          {step === 'review' && <CaseReview draft={draft} />}
        </fieldset>
        {readOnly && <p>{t('incidents.form.readOnly', { status: t(labelKey('status', saved.status)) })}</p>}
        <div className="form-actions">
          {index > 0 && (
            <button type="button" className="button button-secondary" onClick={() => setStep(steps[index - 1]!)}>
              {t('incidents.form.back')}
            </button>
          )}
          {!readOnly && step !== 'review' && (
            <>
              <button type="button" className="button button-secondary" disabled={busy} onClick={() => void save(step)}>
                {t('incidents.form.saveDraft')}
              </button>
              <button type="submit" className="button" disabled={busy}>
                {t('incidents.form.saveNext')}
              </button>
            </>
          )}
          {!readOnly && step === 'review' && (
            <button type="submit" className="button" disabled={busy || !saved}>
              {t('incidents.form.submit')}
            </button>
          )}
          {readOnly && step !== 'review' && (
            <button type="button" className="button" onClick={() => setStep(steps[index + 1]!)}>
              {t('incidents.form.next')}
            </button>
          )}
        </div>
      </form>
      {saved && ownStates(user).includes(saved.reportingState) && <CaseSharing state={saved.reportingState} caseId={saved.id} victims={draftOf(saved).content.victims} />}
      <p>
        <Link to={`/incidents?state=${state}`}>{t('incidents.form.toList')}</Link>
      </p>
    </div>
  );
}

const editable = (c: CaseView) => c.status === 'draft' || c.status === 'returned';
const today = () => new Date().toISOString().slice(0, 10);

function ProblemList({ problems, errors, onGo }: { problems: Problem[]; errors: Map<string, string>; onGo: (s: StepId) => void }) {
  const { t } = useI18n();
  return (
    <div className="form-problems" role="alert" tabIndex={-1}>
      <p>{t('incidents.form.errors')}</p>
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.field}-${i}`}>
            <button type="button" className="link-button" onClick={() => onGo(stepOf(p.field))}>
              {t(`incidents.step.${stepOf(p.field)}`)}
            </button>
            : <code>{p.field}</code> — {errors.get(p.field)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Goes to a new case's form. */
export const openNewCase = (state: string) => navigate(`/incidents/new?state=${state}`);
