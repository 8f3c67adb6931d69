// The Coordinator's intake dashboard: which States reported for which year, how complete and
// how timely, and what is still open (returned cases, rule violations in cases under review).
import type { Actor } from '../../../platform/access/actor.ts';
import { authorize, reach } from '../../../platform/access/policy.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { auditActorOf, type RequestContext } from '../../../platform/access/request-context.ts';
import type { Database } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { validateForSubmission } from '../incidents.rules.ts';
import type { CaseContent } from '../incidents.schema.ts';
import { IntakeRepository } from './intake.repository.ts';
import type { Intake } from './intake.schema.ts';

/** At most this many problems of each kind are listed (the counts in the matrix are complete). */
const PROBLEM_LIMIT = 200;

const ratio = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

export class IntakeService {
  constructor(
    private readonly database: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async dashboard(actor: Actor, q: { fromYear: number; toYear: number; deadlineDays: number }, ctx: RequestContext): Promise<Intake> {
    authorize(actor, 'state_reports.read');
    if (!reach(actor, 'state_reports.read').all) throw new AppError('FORBIDDEN', "The intake dashboard is the Coordinator's: it compares every State's reports");
    return this.database.transaction(async (tx) => {
      const repo = new IntakeRepository(tx.db);
      const cases = await repo.caseCounts(q.fromYear, q.toYear, q.deadlineDays);
      const victims = new Map((await repo.victimCounts(q.fromYear, q.toYear)).map((v) => [`${v.state}:${v.year}`, v]));
      const cells = cases.map((c) => {
        const v = victims.get(`${c.state}:${c.year}`);
        const n = v?.victims ?? 0;
        const known = v ? v.sex_known + v.age_known + v.form_known + v.citizenship_known : 0;
        return {
          state: c.state,
          year: c.year,
          drafts: c.drafts,
          submitted: c.submitted,
          accepted: c.accepted,
          returned: c.returned,
          victims: n,
          completeness: ratio(known, 4 * n),
          fields: { sex: ratio(v?.sex_known ?? 0, n), age: ratio(v?.age_known ?? 0, n), form: ratio(v?.form_known ?? 0, n), citizenship: ratio(v?.citizenship_known ?? 0, n) },
          timeliness: ratio(c.on_time, c.delivered),
        };
      });

      const problems: Intake['problems'] = [];
      const returned = await repo.returnedCases(q.fromYear, q.toYear, PROBLEM_LIMIT + 1);
      for (const r of returned.slice(0, PROBLEM_LIMIT)) {
        problems.push({ kind: 'returned', state: r.state, caseId: r.id, externalId: r.external_id, year: r.year, detail: r.review_comments ?? '', field: null });
      }
      // Cases pass the rules when submitted; rules added or changed since, and cases that came
      // in by bulk import, can still break them: re-run them on what awaits review.
      const today = this.now().toISOString().slice(0, 10);
      const pending = await repo.submittedDocuments(q.fromYear, q.toYear, PROBLEM_LIMIT + 1);
      let ruleProblems = 0;
      for (const d of pending.slice(0, PROBLEM_LIMIT)) {
        for (const p of validateForSubmission(d.document as CaseContent, today)) {
          if (ruleProblems++ >= PROBLEM_LIMIT) break;
          problems.push({ kind: 'rule', state: d.state, caseId: d.id, externalId: d.external_id, year: d.year, detail: p.reason, field: p.field ?? null });
        }
      }
      const problemsTruncated = returned.length > PROBLEM_LIMIT || pending.length > PROBLEM_LIMIT || ruleProblems > PROBLEM_LIMIT;
      await recordAudit(tx.db, {
        action: 'case.read',
        actor: auditActorOf(actor),
        entityType: 'incident_case',
        entityId: null,
        changes: { intake: { fromYear: q.fromYear, toYear: q.toYear }, identified: false },
        request: ctx,
      });
      return { ...q, cells, problems, problemsTruncated };
    });
  }
}
