import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { problemsBySeverity, uploadActivities, type ActivityImportReport, type Severity } from './activityImportApi.ts';
import './activity-import.css';

type Step =
  | { kind: 'choose' }
  | { kind: 'uploading'; share: number; committing: boolean }
  | { kind: 'checking' | 'committing' }
  | { kind: 'checked' | 'committed'; report: ActivityImportReport }
  | { kind: 'error'; error: unknown };

const PREVIEW_ROWS = 20;
const severities: readonly Severity[] = ['critical', 'error', 'warning'];

/** `/activities/import`: choose an IATI XML or HXL CSV file, check it (preview and report), then import it. */
export function ActivityImportPage() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const live = useRef(true);
  const fileId = useId();
  const fileHintId = useId();

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  async function send(dryRun: boolean) {
    if (!file) return;
    try {
      setStep({ kind: 'uploading', share: 0, committing: !dryRun });
      const report = await uploadActivities(file, dryRun, (share) => {
        if (!live.current) return;
        // Once every byte is sent the server reads and checks (or saves) the file.
        setStep(share >= 1 ? { kind: dryRun ? 'checking' : 'committing' } : { kind: 'uploading', share, committing: !dryRun });
      });
      if (live.current) setStep({ kind: dryRun ? 'checked' : 'committed', report });
    } catch (error) {
      if (live.current) setStep({ kind: 'error', error });
    }
  }

  function check(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setMissingFile(true);
      return;
    }
    setMissingFile(false);
    void send(true);
  }

  const busy = step.kind === 'uploading' || step.kind === 'checking' || step.kind === 'committing';
  return (
    <div className="page activity-import">
      <h1>{t('activityImport.title')}</h1>
      <p>{t('activityImport.intro')}</p>
      <form onSubmit={check} className="activity-import-form" aria-busy={busy}>
        <div className="field">
          <label htmlFor={fileId}>{t('activityImport.file')}</label>
          <input
            id={fileId}
            name="file"
            type="file"
            accept=".xml,.csv,application/xml,text/xml,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setStep({ kind: 'choose' });
            }}
            aria-invalid={missingFile}
            aria-describedby={fileHintId}
          />
          <p id={fileHintId} className="field-hint">
            {t('activityImport.fileHint')}
          </p>
          {missingFile && (
            <p className="field-error" role="alert">
              {t('activityImport.chooseFile')}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('activityImport.check')}
          </button>
        </div>
      </form>

      <div role="status" aria-live="polite">
        {step.kind === 'uploading' && <Progress label={t('activityImport.uploading')} share={step.share} />}
        {step.kind === 'checking' && <p>{t('activityImport.checking')}</p>}
        {step.kind === 'committing' && <p>{t('activityImport.committing')}</p>}
      </div>
      {step.kind === 'error' && <ErrorState error={step.error} />}
      {(step.kind === 'checked' || step.kind === 'committed') && (
        <Report report={step.report} fileName={file?.name ?? ''} onCommit={step.kind === 'checked' ? () => void send(false) : undefined} onStartOver={() => setStep({ kind: 'choose' })} />
      )}

      <section aria-labelledby="activity-export-heading" className="activity-import-downloads">
        <h2 id="activity-export-heading">{t('activityImport.export.title')}</h2>
        <p>{t('activityImport.export.intro')}</p>
        <ul>
          <li>
            <a href="/api/v1/activities/export.xml" download>
              {t('activityImport.export.iati')}
            </a>
          </li>
          <li>
            <a href="/api/v1/activities/export.csv" download>
              {t('activityImport.export.hxl')}
            </a>
          </li>
          <li>
            <a href="/api/v1/activities/export.xlsx" download>
              {t('activityImport.export.xlsx')}
            </a>
          </li>
        </ul>
      </section>
    </div>
  );
}

function Progress({ label, share }: { label: string; share: number }) {
  const id = useId();
  const percent = Math.round(Math.min(1, Math.max(0, share)) * 100);
  return (
    <p className="activity-import-progress">
      <label htmlFor={id}>{label}</label> <progress id={id} max={100} value={percent} /> <span>{percent} %</span>
    </p>
  );
}

function Report({ report, fileName, onCommit, onStartOver }: { report: ActivityImportReport; fileName: string; onCommit: (() => void) | undefined; onStartOver: () => void }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [report]);
  const problems = problemsBySeverity(report);
  const c = report.counts;
  const fileRefused = report.fileProblems.some((p) => p.severity === 'critical');
  const somethingToDo = c.created + c.updated > 0;
  return (
    <section aria-labelledby="activity-import-result" className="activity-import-result">
      <h2 id="activity-import-result" ref={heading} tabIndex={-1}>
        {t(report.format === 'iati' ? 'activityImport.format.iati' : 'activityImport.format.hxl', { file: fileName })}
      </h2>
      <p className="activity-import-counts">
        {t(report.dryRun ? 'activityImport.countsPreview' : 'activityImport.countsDone', { created: String(c.created), updated: String(c.updated), unchanged: String(c.unchanged), rejected: String(c.rejected) })}
      </p>
      {!report.dryRun && <p className="activity-import-done">{t(somethingToDo ? 'activityImport.done' : 'activityImport.nothingChanged')}</p>}
      {report.dryRun && fileRefused && <p role="alert">{t('activityImport.refused')}</p>}

      {report.activities.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('activityImport.preview.caption', { shown: String(Math.min(PREVIEW_ROWS, report.activities.length)), total: String(report.activities.length) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('activityImport.position')}</th>
                <th scope="col">{t('activityImport.identifier')}</th>
                <th scope="col">{t('activityImport.outcome')}</th>
                <th scope="col">{t('activityImport.problemCount')}</th>
              </tr>
            </thead>
            <tbody>
              {report.activities.slice(0, PREVIEW_ROWS).map((a) => (
                <tr key={a.index}>
                  <td>{a.index}</td>
                  <th scope="row" dir="ltr">
                    {a.activityId && !report.dryRun ? <a href={`/activity?id=${a.activityId}`}>{a.iatiIdentifier}</a> : (a.iatiIdentifier ?? '')}
                  </th>
                  <td>{t(`activityImport.outcome.${a.outcome}`)}</td>
                  <td>{a.problems.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {severities.map((severity) =>
        problems[severity].length === 0 ? null : (
          <div className="table-scroll" key={severity}>
            <table className={`data-table activity-import-problems activity-import-${severity}`}>
              <caption>{t(`activityImport.problems.${severity}`, { count: String(problems[severity].length) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('activityImport.identifier')}</th>
                  <th scope="col">{t('activityImport.where')}</th>
                  <th scope="col">{t('activityImport.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {problems[severity].slice(0, 500).map((p, i) => (
                  <tr key={i}>
                    <td dir="ltr">{p.activity || t('activityImport.wholeFile')}</td>
                    <td dir="ltr">{p.path}</td>
                    <td>{p.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ),
      )}
      {severities.every((s) => problems[s].length === 0) && <p>{t('activityImport.noProblems')}</p>}

      <div className="form-actions">
        {onCommit && somethingToDo && !fileRefused && (
          <button type="button" className="button" onClick={onCommit}>
            {t('activityImport.import')}
          </button>
        )}
        <button type="button" className="button button-secondary" onClick={onStartOver}>
          {t('activityImport.startOver')}
        </button>
      </div>
    </section>
  );
}
