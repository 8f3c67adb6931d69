import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useAuth } from '../auth/AuthProvider.tsx';
import { SelectField } from '../forms/SelectField.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { commitJob, importFormats, problemsCsv, uploadForCheck, waitForJob, type ImportFormat, type ImportJob, type ImportProblem } from './importApi.ts';
import './incident-import.css';

type Step = { kind: 'choose' } | { kind: 'uploading'; share: number } | { kind: 'checking' | 'committing'; job: ImportJob } | { kind: 'checked' | 'committed'; job: ImportJob } | { kind: 'error'; error: unknown };

/** `/incidents/import`: choose a format and a file, upload and check it (preview, problems, summary), then import. */
export function IncidentImportPage() {
  const { t } = useI18n();
  const auth = useAuth();
  const ownState = auth.user?.roles.find((g) => g.role === 'state_focal_point' && g.countryIso3)?.countryIso3 ?? '';
  const [format, setFormat] = useState<ImportFormat>('htcds');
  const [reporter, setReporter] = useState(ownState);
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const abort = useRef<AbortController | null>(null);
  const fileId = useId();
  const reporterId = useId();
  const reporterHintId = useId();
  const status = useRef<HTMLDivElement>(null);

  useEffect(() => () => abort.current?.abort(), []);

  async function check(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setMissingFile(true);
      return;
    }
    setMissingFile(false);
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    try {
      setStep({ kind: 'uploading', share: 0 });
      const started = await uploadForCheck(file, format, reporter.trim().toUpperCase(), (share) => setStep({ kind: 'uploading', share }));
      const job = await waitForJob(started.id, (j) => setStep({ kind: 'checking', job: j }), controller.signal);
      setStep({ kind: 'checked', job });
    } catch (error) {
      if (!controller.signal.aborted) setStep({ kind: 'error', error });
    }
  }

  async function commit(dry: ImportJob) {
    const controller = new AbortController();
    abort.current = controller;
    try {
      const started = await commitJob(dry.id);
      const job = await waitForJob(started.id, (j) => setStep({ kind: 'committing', job: j }), controller.signal);
      setStep({ kind: 'committed', job });
    } catch (error) {
      if (!controller.signal.aborted) setStep({ kind: 'error', error });
    }
  }

  const busy = step.kind === 'uploading' || step.kind === 'checking' || step.kind === 'committing';
  return (
    <div className="page incident-import">
      <h1>{t('incidentImport.title')}</h1>
      <p>{t('incidentImport.intro')}</p>
      <form onSubmit={(e) => void check(e)} className="incident-import-form" aria-busy={busy}>
        <SelectField label={t('incidentImport.format')} name="format" value={format} onChange={(v) => setFormat(v as ImportFormat)} options={importFormats.map((f) => [f, t(`incidentImport.format.${f}`)] as const)} />
        <div className="field">
          <label htmlFor={reporterId}>{t('incidentImport.reporter')}</label>
          <input id={reporterId} name="reporter" value={reporter} onChange={(e) => setReporter(e.target.value)} maxLength={3} pattern="[A-Za-z]{3}" autoComplete="off" dir="ltr" aria-describedby={reporterHintId} />
          <p id={reporterHintId} className="field-hint">
            {t('incidentImport.reporterHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={fileId}>{t('incidentImport.file')}</label>
          <input id={fileId} name="file" type="file" accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0] ?? null)} aria-invalid={missingFile} />
          {missingFile && (
            <p className="field-error" role="alert">
              {t('incidentImport.chooseFile')}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('incidentImport.check')}
          </button>
        </div>
      </form>

      <div ref={status} role="status" aria-live="polite">
        {step.kind === 'uploading' && <Progress label={t('incidentImport.uploading')} share={step.share} />}
        {(step.kind === 'checking' || step.kind === 'committing') && (
          <Progress label={t(step.kind === 'checking' ? 'incidentImport.processing' : 'incidentImport.committing')} share={step.job.bytesTotal ? step.job.bytesDone / step.job.bytesTotal : 0} />
        )}
      </div>
      {step.kind === 'error' && <ErrorState error={step.error} />}
      {(step.kind === 'checked' || step.kind === 'committed') && <Result job={step.job} onCommit={step.kind === 'checked' ? () => void commit(step.job) : undefined} onStartOver={() => setStep({ kind: 'choose' })} />}
    </div>
  );
}

function Progress({ label, share }: { label: string; share: number }) {
  const id = useId();
  const percent = Math.round(Math.min(1, Math.max(0, share)) * 100);
  return (
    <p className="incident-import-progress">
      <label htmlFor={id}>{label}</label> <progress id={id} max={100} value={percent} /> <span>{percent} %</span>
    </p>
  );
}

function Result({ job, onCommit, onStartOver }: { job: ImportJob; onCommit: (() => void) | undefined; onStartOver: () => void }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [job.id]);
  if (job.status === 'failed' || !job.outcome) {
    return (
      <div className="state state-error" role="alert">
        <p>{t('incidentImport.failed', { message: job.error ?? '' })}</p>
        <p>{t('incidentImport.notSaved')}</p>
      </div>
    );
  }
  const o = job.outcome;
  return (
    <section aria-labelledby="incident-import-result" className="incident-import-result">
      <h2 id="incident-import-result" ref={heading} tabIndex={-1}>
        {job.fileName}
      </h2>
      <p>{t('incidentImport.counts', { rows: String(o.rowsRead), created: String(o.created), updated: String(o.updated), unchanged: String(o.unchanged) })}</p>
      {o.committed && <p className="incident-import-done">{t('incidentImport.done')}</p>}
      {!job.dryRun && !o.committed && <p>{t('incidentImport.notSaved')}</p>}
      {job.preview && job.preview.rows.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('incidentImport.preview.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('incidentImport.line')}</th>
                {job.preview.columns.map((c, i) => (
                  <th scope="col" key={`${c}-${i}`} dir="ltr">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {job.preview.rows.map((r) => (
                <tr key={r.line}>
                  <th scope="row">{r.line}</th>
                  {r.cells.map((c, i) => (
                    <td key={i} dir="auto">
                      {c}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Problems caption={t('incidentImport.problems.caption', { count: String(o.problems.length) })} problems={o.problems} />
      {o.problems.length === 0 && <p>{t('incidentImport.problems.none')}</p>}
      {o.problems.length > 0 && (
        <p>
          <a className="button button-secondary" href={`data:text/csv;charset=utf-8,${encodeURIComponent(problemsCsv(o.problems))}`} download="tiphub-import-problems.csv">
            {t('incidentImport.problems.download')}
          </a>
        </p>
      )}
      {o.warnings && o.warnings.length > 0 && <Problems caption={t('incidentImport.warnings.caption')} problems={o.warnings} />}
      {o.summary.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('incidentImport.summary.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('incidentImport.indicator')}</th>
                <th scope="col">{t('incidentImport.year')}</th>
                <th scope="col">{t('incidentImport.rows')}</th>
                <th scope="col">{t('incidentImport.total')}</th>
              </tr>
            </thead>
            <tbody>
              {o.summary.map((s) => (
                <tr key={`${s.indicator}-${s.year}`}>
                  <th scope="row">{s.indicator}</th>
                  <td>{s.year}</td>
                  <td>{s.rows}</td>
                  <td>{s.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="form-actions">
        {onCommit && o.problems.length === 0 && (
          <button type="button" className="button" onClick={onCommit}>
            {t('incidentImport.import')}
          </button>
        )}
        <button type="button" className="button button-secondary" onClick={onStartOver}>
          {t('incidentImport.startOver')}
        </button>
      </div>
    </section>
  );
}

function Problems({ caption, problems }: { caption: string; problems: ImportProblem[] }) {
  const { t } = useI18n();
  if (problems.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="data-table incident-import-problems">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('incidentImport.line')}</th>
            <th scope="col">{t('incidentImport.column')}</th>
            <th scope="col">{t('incidentImport.value')}</th>
            <th scope="col">{t('incidentImport.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={i}>
              <td>{p.line || ''}</td>
              <td dir="ltr">{p.column ?? ''}</td>
              <td dir="auto">{p.value ?? ''}</td>
              <td>{p.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
