// All SQL of the Coordinator's intake dashboard. Cross-State aggregate queries: the
// Coordinator's job, run on request over pre-grouped rows, never on a State's hot path.
// Cases of an import not yet published are left out (visibility.ts).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { visibleCase } from '../import/visibility.ts';

/** The year a case is about: detection, else start of exploitation, else when it was reported. */
const caseYear = sql`extract(year from coalesce(e.detection_date, e.exploitation_start_date, c.created_at::date))::int`;

export interface IntakeCaseCounts {
  state: string;
  year: number;
  drafts: number;
  submitted: number;
  accepted: number;
  returned: number;
  /** Cases that reached the Coordinator (submitted_at set). */
  delivered: number;
  /** Of those, submitted within the deadline after the end of the year. */
  on_time: number;
}

export interface IntakeVictimCounts {
  state: string;
  year: number;
  victims: number;
  sex_known: number;
  age_known: number;
  form_known: number;
  citizenship_known: number;
}

export class IntakeRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async caseCounts(fromYear: number, toYear: number, deadlineDays: number): Promise<IntakeCaseCounts[]> {
    const result = await sql<IntakeCaseCounts>`
      SELECT c.reporting_state AS state, ${caseYear} AS year,
             count(*) FILTER (WHERE c.status = 'draft')::int AS drafts,
             count(*) FILTER (WHERE c.status = 'submitted')::int AS submitted,
             count(*) FILTER (WHERE c.status = 'accepted')::int AS accepted,
             count(*) FILTER (WHERE c.status = 'returned')::int AS returned,
             count(c.submitted_at)::int AS delivered,
             count(*) FILTER (WHERE c.submitted_at < make_date(${caseYear} + 1, 1, 1) + ${deadlineDays}::int)::int AS on_time
        FROM incident_cases c
        JOIN incident_events e ON e.reporting_state = c.reporting_state AND e.case_id = c.id
       WHERE ${caseYear} BETWEEN ${fromYear}::int AND ${toYear}::int AND ${visibleCase('c')}
       GROUP BY 1, 2
       ORDER BY 1, 2`.execute(this.db);
    return result.rows;
  }

  /** Completeness of the key fields, over victims of cases that reached the Coordinator. */
  async victimCounts(fromYear: number, toYear: number): Promise<IntakeVictimCounts[]> {
    const result = await sql<IntakeVictimCounts>`
      SELECT c.reporting_state AS state, ${caseYear} AS year,
             count(*)::int AS victims,
             count(*) FILTER (WHERE v.gender IS NOT NULL AND v.gender <> 'NonSpecifiedUnknown')::int AS sex_known,
             count(*) FILTER (WHERE v.age_years IS NOT NULL OR v.age_band IS NOT NULL)::int AS age_known,
             count(*) FILTER (WHERE cardinality(v.exploitation_forms) > 0)::int AS form_known,
             count(*) FILTER (WHERE cardinality(v.citizenships) > 0)::int AS citizenship_known
        FROM incident_victims v
        JOIN incident_cases c ON c.reporting_state = v.reporting_state AND c.id = v.case_id
        JOIN incident_events e ON e.reporting_state = v.reporting_state AND e.case_id = v.case_id
       WHERE c.status <> 'draft' AND ${visibleCase('c')} AND ${caseYear} BETWEEN ${fromYear}::int AND ${toYear}::int
       GROUP BY 1, 2
       ORDER BY 1, 2`.execute(this.db);
    return result.rows;
  }

  /** Returned cases (waiting for the State's correction), newest first. */
  returnedCases(fromYear: number, toYear: number, limit: number) {
    return sql<{ state: string; id: string; external_id: string; year: number; review_comments: string | null; reviewed_at: Date | null }>`
      SELECT c.reporting_state AS state, c.id, c.external_id, ${caseYear} AS year, c.review_comments, c.reviewed_at
        FROM incident_cases c
        JOIN incident_events e ON e.reporting_state = c.reporting_state AND e.case_id = c.id
       WHERE c.status = 'returned' AND ${visibleCase('c')} AND ${caseYear} BETWEEN ${fromYear}::int AND ${toYear}::int
       ORDER BY c.reviewed_at DESC NULLS LAST, c.reporting_state, c.id
       LIMIT ${limit}`
      .execute(this.db)
      .then((r) => r.rows);
  }

  /** Cases awaiting review, with their current document, for the rules to be re-run on. */
  submittedDocuments(fromYear: number, toYear: number, limit: number) {
    return sql<{ state: string; id: string; external_id: string; year: number; document: unknown }>`
      SELECT c.reporting_state AS state, c.id, c.external_id, ${caseYear} AS year, v.document
        FROM incident_cases c
        JOIN incident_events e ON e.reporting_state = c.reporting_state AND e.case_id = c.id
        JOIN incident_case_versions v ON v.reporting_state = c.reporting_state AND v.case_id = c.id AND v.version = c.version
       WHERE c.status = 'submitted' AND ${visibleCase('c')} AND ${caseYear} BETWEEN ${fromYear}::int AND ${toYear}::int
       ORDER BY c.submitted_at, c.reporting_state, c.id
       LIMIT ${limit}`
      .execute(this.db)
      .then((r) => r.rows);
  }
}
