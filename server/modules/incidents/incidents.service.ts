// Case-level incident reports: intake, corrections as versions, the submit → review workflow,
// protection of identifiers, sharing, duplicates, retention. Every read and change is
// authorised here and audited in the same transaction.
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Actor, UserActor } from '../../platform/access/actor.ts';
import { authorize, authorizeRecord, reach } from '../../platform/access/policy.ts';
import { auditActorOf, type RequestContext } from '../../platform/access/request-context.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, type ErrorDetail } from '../../platform/errors.ts';
import type { AppSettings } from '../../platform/settings.ts';
import { splitter } from './incidents.projection.ts';
import { identifiersContext, newStateKey, openIdentifiers, personSealer, storedDocument, unwrapStateKey, type StoredDocument } from './incidents.protection.ts';
import { IncidentsRepository, type CaseRow, type CountableVictim, type Projection } from './incidents.repository.ts';
import { identifierProblems, validateForSubmission } from './incidents.rules.ts';
import type { CaseContent, CaseDocument, CaseSummary, CaseView, CreateCaseInput, Identifiers } from './incidents.schema.ts';
import type { CaseStatus } from './incidents.values.ts';

const ENTITY = 'incident_case';
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const entityId = (state: string, id: string) => `${state}/${id}`;
const what = (state: string, id: string) => `Case ${state}/${id}`;

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}

export class IncidentsService {
  constructor(
    private readonly database: Database,
    private readonly settings: Pick<AppSettings, 'masterKey'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  // Intake and corrections --------------------------------------------------------------

  /** A new case, as a draft (version 1), in the reporting State named in the body. */
  async create(actor: Actor, input: CreateCaseInput, ctx: RequestContext): Promise<CaseView> {
    const state = input.reportingState;
    authorize(actor, 'state_reports.submit', { countryIso3: state });
    const { reportingState: _state, ...content } = input;
    try {
      return await this.database.transaction(async (tx) => {
        const repo = new IncidentsRepository(tx.db);
        await this.checkContent(repo, state, content);
        if (await repo.findByExternalId(state, content.reportingEntity.type, content.reportingEntity.name ?? '', content.externalId)) {
          throw duplicateExternalId(content.externalId);
        }
        const id = await repo.insertCase({
          reporting_state: state,
          entity_type: content.reportingEntity.type,
          entity_name: content.reportingEntity.name ?? '',
          entity_organisation_id: content.reportingEntity.organisationId ?? null,
          external_id: content.externalId,
          status: 'draft',
          version: 1,
          created_by: actor.userId,
        });
        const saved = await this.saveVersion(repo, state, id, 1, content, new Map(), actor.userId);
        await recordAudit(tx.db, {
          action: 'case.create',
          actor: auditActorOf(actor),
          entityType: ENTITY,
          entityId: entityId(state, id),
          changes: { externalId: content.externalId, status: 'draft', version: 1, victims: content.victims.length, perpetrators: content.perpetrators.length },
          request: ctx,
        });
        const row = (await repo.findCase(state, id))!;
        return this.view(row, saved, null);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw duplicateExternalId(content.externalId);
      throw err;
    }
  }

  /** A correction: the whole document again, saved as a new version; only while draft or returned. */
  async update(actor: Actor, state: string, id: string, content: CaseContent, ctx: RequestContext): Promise<CaseView> {
    authorizeRecord(actor, 'state_reports.submit', { countryIso3: state }, what(state, id));
    try {
      return await this.database.transaction(async (tx) => {
        const repo = new IncidentsRepository(tx.db);
        const current = await repo.findCase(state, id, { forUpdate: true });
        if (!current) throw AppError.notFound(what(state, id));
        if (current.status !== 'draft' && current.status !== 'returned') {
          throw new AppError('CONFLICT', `Case ${state}/${id} is ${current.status}; it can be corrected only while draft or returned`);
        }
        await this.checkContent(repo, state, content);
        const other = await repo.findByExternalId(state, content.reportingEntity.type, content.reportingEntity.name ?? '', content.externalId);
        if (other && other.id !== id) throw duplicateExternalId(content.externalId);
        const version = current.version + 1;
        const previous = current.identifiers_erased_at ? new Map<string, { sealed: string; personKey: string | null }>() : await repo.currentIdentifiers(state, id);
        await repo.updateCase(state, id, {
          entity_type: content.reportingEntity.type,
          entity_name: content.reportingEntity.name ?? '',
          entity_organisation_id: content.reportingEntity.organisationId ?? null,
          external_id: content.externalId,
          status: 'draft',
          version,
        });
        const saved = await this.saveVersion(repo, state, id, version, content, previous, actor.userId);
        await recordAudit(tx.db, {
          action: 'case.update',
          actor: auditActorOf(actor),
          entityType: ENTITY,
          entityId: entityId(state, id),
          changes: { version: { from: current.version, to: version }, status: { from: current.status, to: 'draft' } },
          request: ctx,
        });
        return this.view((await repo.findCase(state, id))!, saved, null);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw duplicateExternalId(content.externalId);
      throw err;
    }
  }

  // Workflow -----------------------------------------------------------------------------

  /** Runs the validation rules; submits when there is no problem, else refuses listing each. */
  async submit(actor: Actor, state: string, id: string, ctx: RequestContext): Promise<CaseView> {
    authorizeRecord(actor, 'state_reports.submit', { countryIso3: state }, what(state, id));
    return this.transition(actor, state, id, ['draft', 'returned'], 'submitted', ctx, async (row, doc) => {
      const problems = validateForSubmission(doc, this.now().toISOString().slice(0, 10));
      if (problems.length) throw new AppError('VALIDATION_FAILED', `Case ${state}/${id} cannot be submitted: ${problems.length} problem(s)`, problems);
      return { submitted_at: this.now(), review_comments: row.review_comments };
    });
  }

  async accept(actor: Actor, state: string, id: string, ctx: RequestContext): Promise<CaseView> {
    authorize(actor, 'state_reports.review', { countryIso3: state });
    return this.transition(actor, state, id, ['submitted'], 'accepted', ctx, async () => ({ reviewed_at: this.now(), reviewed_by: actor.userId, review_comments: null }));
  }

  async returnToState(actor: Actor, state: string, id: string, comments: string, ctx: RequestContext): Promise<CaseView> {
    authorize(actor, 'state_reports.review', { countryIso3: state });
    return this.transition(actor, state, id, ['submitted'], 'returned', ctx, async () => ({ reviewed_at: this.now(), reviewed_by: actor.userId, review_comments: comments }), { comments });
  }

  private async transition(
    actor: UserActor,
    state: string,
    id: string,
    from: CaseStatus[],
    to: CaseStatus,
    ctx: RequestContext,
    apply: (row: CaseRow, doc: StoredDocument) => Promise<Record<string, unknown>>,
    extra: Record<string, unknown> = {},
  ): Promise<CaseView> {
    return this.database.transaction(async (tx) => {
      const repo = new IncidentsRepository(tx.db);
      const row = await repo.findCase(state, id, { forUpdate: true });
      if (!row) throw AppError.notFound(what(state, id));
      if (!from.includes(row.status)) throw new AppError('CONFLICT', `Case ${state}/${id} is ${row.status}; it must be ${from.join(' or ')} to become ${to}`);
      const version = (await repo.findVersion(state, id, row.version))!;
      const patch = await apply(row, version.document as StoredDocument);
      await repo.updateCase(state, id, { ...patch, status: to });
      const action = to === 'submitted' ? 'case.submit' : to === 'accepted' ? 'case.accept' : 'case.return';
      await recordAudit(tx.db, {
        action,
        actor: auditActorOf(actor),
        entityType: ENTITY,
        entityId: entityId(state, id),
        changes: { status: { from: row.status, to }, version: row.version, ...extra },
        request: ctx,
      });
      return this.view((await repo.findCase(state, id))!, version.document as StoredDocument, null);
    });
  }

  // Reading ----------------------------------------------------------------------------------

  /** One case; identifiers only when asked and the actor holds cases.read_identified for the State. */
  async get(actor: Actor, state: string, id: string, identified: boolean, ctx: RequestContext): Promise<CaseView> {
    authorizeRecord(actor, 'cases.read_deidentified', { countryIso3: state }, what(state, id));
    if (identified) authorizeRecord(actor, 'cases.read_identified', { countryIso3: state }, what(state, id));
    return this.database.transaction(async (tx) => {
      const repo = new IncidentsRepository(tx.db);
      const row = await repo.findCase(state, id);
      if (!row) throw AppError.notFound(what(state, id));
      const version = (await repo.findVersion(state, id, row.version))!;
      let opened: Map<string, Identifiers> | null = null;
      if (identified) {
        opened = new Map();
        const sealed = Object.entries(version.identifiers);
        if (sealed.length) {
          const key = await this.stateKey(repo, state);
          for (const [person, blob] of sealed) {
            const [role, ref] = person.split(':') as ['victim' | 'perpetrator', string];
            opened.set(person, openIdentifiers(key, identifiersContext(state, id, role, ref), blob));
          }
        }
      }
      await recordAudit(tx.db, {
        action: 'case.read',
        actor: auditActorOf(actor),
        entityType: ENTITY,
        entityId: entityId(state, id),
        changes: { version: row.version, identified, ...(identified ? { decryptedPeople: opened!.size } : {}) },
        request: ctx,
      });
      return this.view(row, version.document as StoredDocument, opened);
    });
  }

  /** Every version of the case document, de-identified, oldest first. */
  async versions(actor: Actor, state: string, id: string, ctx: RequestContext) {
    authorizeRecord(actor, 'state_reports.read', { countryIso3: state }, what(state, id));
    return this.database.transaction(async (tx) => {
      const repo = new IncidentsRepository(tx.db);
      if (!(await repo.findCase(state, id))) throw AppError.notFound(what(state, id));
      const rows = await repo.listVersions(state, id);
      await recordAudit(tx.db, { action: 'case.read', actor: auditActorOf(actor), entityType: ENTITY, entityId: entityId(state, id), changes: { versions: rows.length, identified: false }, request: ctx });
      return {
        items: rows.map((r) => ({ version: r.version, createdAt: r.created_at.toISOString(), createdBy: r.created_by, document: present(r.document as StoredDocument, null) })),
      };
    });
  }

  /** Cases the actor may read, de-identified summaries only. */
  async list(actor: Actor, filter: { state?: string | undefined; status?: CaseStatus | undefined; year?: number | undefined; limit: number; offset: number }, ctx: RequestContext): Promise<{ items: CaseSummary[]; total: number }> {
    authorize(actor, 'cases.read_deidentified');
    const r = reach(actor, 'cases.read_deidentified');
    const states = r.all ? null : r.countries;
    return this.database.transaction(async (tx) => {
      const repo = new IncidentsRepository(tx.db);
      const [rows, total] = [await repo.listCases({ ...filter, states }), await repo.countCases({ state: filter.state, status: filter.status, year: filter.year, states })];
      await recordAudit(tx.db, { action: 'case.read', actor: auditActorOf(actor), entityType: ENTITY, entityId: null, changes: { list: { ...filter, returned: rows.length }, identified: false }, request: ctx });
      const items = rows.map((c) => ({
        id: c.id,
        reportingState: c.reporting_state,
        status: c.status,
        version: c.version,
        createdAt: c.created_at.toISOString(),
        updatedAt: c.updated_at.toISOString(),
        submittedAt: iso(c.submitted_at),
        reviewedAt: iso(c.reviewed_at),
        reviewComments: c.review_comments,
        identifiersErased: c.identifiers_erased_at !== null,
        reportingEntity: entityOf(c),
        externalId: c.external_id,
        victims: c.victims,
        perpetrators: c.perpetrators,
        uncountedVictims: c.uncounted_victims,
      }));
      return { items, total };
    });
  }

  // Sharing ------------------------------------------------------------------------------------

  /** The State shows one case to one organisation; only victims who consented are shown to it. */
  async share(actor: Actor, state: string, id: string, organisationId: string, ctx: RequestContext): Promise<{ shared: true }> {
    authorizeRecord(actor, 'state_reports.submit', { countryIso3: state }, what(state, id));
    return this.database.transaction(async (tx) => {
      const repo = new IncidentsRepository(tx.db);
      if (!(await repo.findCase(state, id))) throw AppError.notFound(what(state, id));
      if (!(await repo.organisationExists(organisationId))) throw new AppError('VALIDATION_FAILED', 'Unknown organisation', [{ field: 'body.organisationId', reason: 'no such organisation', value: organisationId }]);
      await repo.insertShare(state, id, organisationId, actor.userId);
      await recordAudit(tx.db, { action: 'case.share', actor: auditActorOf(actor), entityType: ENTITY, entityId: entityId(state, id), changes: { organisationId }, request: ctx });
      return { shared: true as const };
    });
  }

  /** The State takes a share back: the organisation no longer sees the case. 404 when there was none. */
  async revokeShare(actor: Actor, state: string, id: string, organisationId: string, ctx: RequestContext): Promise<{ revoked: true }> {
    authorizeRecord(actor, 'state_reports.submit', { countryIso3: state }, what(state, id));
    return this.database.transaction(async (tx) => {
      const repo = new IncidentsRepository(tx.db);
      if (!(await repo.findCase(state, id))) throw AppError.notFound(what(state, id));
      if (!(await repo.deleteShare(state, id, organisationId))) throw AppError.notFound(`A share of case ${state}/${id} with organisation ${organisationId}`);
      await recordAudit(tx.db, { action: 'case.unshare', actor: auditActorOf(actor), entityType: ENTITY, entityId: entityId(state, id), changes: { organisationId }, request: ctx });
      return { revoked: true as const };
    });
  }

  /** The organisations one case is shared with (the State's own view). */
  async shares(actor: Actor, state: string, id: string, ctx: RequestContext) {
    authorizeRecord(actor, 'state_reports.submit', { countryIso3: state }, what(state, id));
    return this.database.transaction(async (tx) => {
      const repo = new IncidentsRepository(tx.db);
      if (!(await repo.findCase(state, id))) throw AppError.notFound(what(state, id));
      const rows = await repo.sharesOf(state, id);
      await recordAudit(tx.db, { action: 'case.read', actor: auditActorOf(actor), entityType: ENTITY, entityId: entityId(state, id), changes: { shares: rows.length, identified: false }, request: ctx });
      return { items: rows.map((r) => ({ organisationId: r.organisation_id, organisationName: r.name, sharedAt: r.shared_at.toISOString() })) };
    });
  }

  /** Cases shared with the actor's organisations: de-identified, only consenting victims. */
  async sharedWithMe(actor: Actor, ctx: RequestContext) {
    authorize(actor, 'submissions.read_shared');
    const r = reach(actor, 'submissions.read_shared');
    return this.database.transaction(async (tx) => {
      const rows = await new IncidentsRepository(tx.db).sharedCases(r.all ? null : r.organisations);
      const items = rows.map((c) => {
        const doc = c.document as StoredDocument;
        return {
          id: c.id,
          reportingState: c.reporting_state,
          status: c.status,
          version: c.version,
          sharedAt: c.shared_at.toISOString(),
          event: doc.event,
          victims: doc.victims.filter((v) => v.consentToShare),
        };
      });
      await recordAudit(tx.db, { action: 'case.read', actor: auditActorOf(actor), entityType: ENTITY, entityId: null, changes: { shared: items.map((i) => entityId(i.reportingState, i.id)), identified: false }, request: ctx });
      return { items };
    });
  }

  // Duplicates, statistics, retention ------------------------------------------------------

  /** Person keys seen in more than one case, for the Coordinator; no identifiers. */
  async duplicates(actor: Actor, ctx: RequestContext) {
    authorize(actor, 'cases.read_deidentified');
    if (!reach(actor, 'cases.read_deidentified').all) throw new AppError('FORBIDDEN', "Only the Coordinator's secretariat compares reports across States");
    return this.database.transaction(async (tx) => {
      const found = await new IncidentsRepository(tx.db).duplicates();
      const items: { personKey: string; role: 'victim' | 'perpetrator'; cases: { reportingState: string; caseId: string; ref: string }[] }[] = [];
      for (const [role, rows] of [['victim', found.victims], ['perpetrator', found.perpetrators]] as const) {
        for (const r of rows) {
          let last = items.at(-1);
          if (!last || last.personKey !== r.person_key || last.role !== role) items.push((last = { personKey: r.person_key!, role, cases: [] }));
          last.cases.push({ reportingState: r.reporting_state, caseId: r.case_id, ref: r.ref });
        }
      }
      await recordAudit(tx.db, { action: 'case.read', actor: auditActorOf(actor), entityType: ENTITY, entityId: null, changes: { duplicates: items.length, identified: false }, request: ctx });
      return { items };
    });
  }

  /** For the statistics module: victims that may be counted (consent to count, accepted cases). */
  async countableVictims(filter: Parameters<IncidentsRepository['countableVictims']>[0] = {}): Promise<CountableVictim[]> {
    return new IncidentsRepository(this.database.db).countableVictims(filter);
  }

  /**
   * A State's own figures (victims with consent to count; not drafts unless asked): by year,
   * and by year × form / sex / age band. Counts only, never identifiers; no suppression,
   * since the readers are the State itself and the Coordinator.
   */
  async stateStatistics(actor: Actor, state: string, statuses: CaseStatus[], ctx: RequestContext) {
    authorizeRecord(actor, 'state_reports.read', { countryIso3: state }, `State ${state}`);
    return this.database.transaction(async (tx) => {
      const rows = await new IncidentsRepository(tx.db).stateCounts(state, statuses);
      await recordAudit(tx.db, { action: 'case.read', actor: auditActorOf(actor), entityType: ENTITY, entityId: null, changes: { statistics: state, statuses, identified: false }, request: ctx });
      return { reportingState: state, statuses, counts: rows };
    });
  }

  /** The retention setting of a State, for its focal points and the Coordinator's administrators. */
  async retention(actor: Actor, state: string): Promise<{ reportingState: string; retentionYears: number | null; updatedAt: string | null }> {
    authorizeRecord(actor, 'state_reports.submit', { countryIso3: state }, `State ${state}`);
    const row = await new IncidentsRepository(this.database.db).retentionOf(state);
    return { reportingState: state, retentionYears: row?.retention_years ?? null, updatedAt: iso(row?.updated_at ?? null) };
  }

  /** Changes a State's retention period over the API (audited with the old and new value). */
  async updateRetention(actor: Actor, state: string, years: number | null, ctx: RequestContext) {
    authorizeRecord(actor, 'state_reports.submit', { countryIso3: state }, `State ${state}`);
    await this.database.transaction(async (tx) => {
      const repo = new IncidentsRepository(tx.db);
      if (!(await repo.existingCountries([state])).has(state)) throw AppError.notFound(`State ${state}`);
      const before = (await repo.retentionOf(state))?.retention_years ?? null;
      await repo.setRetention(state, years);
      await recordAudit(tx.db, { action: 'case.retention_set', actor: auditActorOf(actor), entityType: 'incident_state_settings', entityId: state, changes: { retentionYears: { from: before, to: years } }, request: ctx });
    });
    return this.retention(actor, state);
  }

  /** Sets a State's retention period in years (null: keep identifiers). */
  async setRetention(state: string, years: number | null): Promise<void> {
    await new IncidentsRepository(this.database.db).setRetention(state.toUpperCase(), years);
  }

  /**
   * Erases the identifiers and person keys of every case reported longer ago than its State's
   * retention period, in every version; the de-identified rest is kept. Audited per case.
   */
  async applyRetention(): Promise<{ state: string; erased: number }[]> {
    const now = this.now();
    const settings = await new IncidentsRepository(this.database.db).retentionSettings();
    const out: { state: string; erased: number }[] = [];
    for (const s of settings) {
      const before = new Date(now);
      before.setUTCFullYear(before.getUTCFullYear() - s.retention_years!);
      const erased = await this.database.transaction(async (tx) => {
        const repo = new IncidentsRepository(tx.db);
        const cases = await repo.casesPastRetention(s.reporting_state, before);
        for (const c of cases) {
          await repo.eraseIdentifiers(s.reporting_state, c.id);
          await recordAudit(tx.db, {
            action: 'case.erase_identifiers',
            actor: null,
            entityType: ENTITY,
            entityId: entityId(s.reporting_state, c.id),
            changes: { retentionYears: s.retention_years, reportedBefore: before.toISOString() },
          });
        }
        return cases.length;
      });
      out.push({ state: s.reporting_state, erased });
    }
    return out;
  }

  // Internals ---------------------------------------------------------------------------------

  /** Countries and the reporting body exist; identifiers are plausible. Else 400 listing each. */
  private async checkContent(repo: IncidentsRepository, state: string, content: CaseContent): Promise<void> {
    const problems: ErrorDetail[] = identifierProblems(content, this.now().toISOString().slice(0, 10));
    const codes = new Map<string, string>([[state, 'body.reportingState']]);
    content.event.places.forEach((p, i) => 'value' in p.country && codes.set(p.country.value, `body.event.places.${i}.country`));
    content.victims.forEach((v, i) => 'value' in v.citizenships && v.citizenships.value.forEach((c, j) => codes.set(c, `body.victims.${i}.citizenships.value.${j}`)));
    content.perpetrators.forEach((p, i) => 'value' in p.citizenships && p.citizenships.value.forEach((c, j) => codes.set(c, `body.perpetrators.${i}.citizenships.value.${j}`)));
    const existing = await repo.existingCountries([...codes.keys()]);
    for (const [code, field] of codes) if (!existing.has(code)) problems.push({ field, reason: 'not an ISO 3166-1 alpha-3 code of a country', value: code });
    const org = content.reportingEntity.organisationId;
    if (org && !(await repo.organisationExists(org))) problems.push({ field: 'body.reportingEntity.organisationId', reason: 'no such organisation', value: org });
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'The case has invalid values', problems);
  }

  private async stateKey(repo: IncidentsRepository, state: string): Promise<Buffer> {
    let wrapped = await repo.stateKey(state);
    if (!wrapped) wrapped = await repo.insertStateKey(state, newStateKey(this.settings.masterKey, state).wrapped);
    return unwrapStateKey(this.settings.masterKey, state, wrapped);
  }

  /**
   * Seals the identifiers (a person without new ones keeps the previous version's, unless
   * they are given as null), computes person keys, stores the version and its projection.
   */
  private async saveVersion(repo: IncidentsRepository, state: string, id: string, version: number, content: CaseContent, previous: Map<string, { sealed: string; personKey: string | null }>, userId: string): Promise<StoredDocument> {
    const needsKey = [...content.victims, ...content.perpetrators].some((p) => p.identifiers);
    const key = needsKey ? await this.stateKey(repo, state) : null;
    const { sealed: sealedMap, protect } = personSealer(this.settings.masterKey, () => key!, state, id, previous);

    const stored = storedDocument(content);

    const projection = projectCase(content, protect);
    await repo.insertVersion({ reporting_state: state, case_id: id, version, document: stored, identifiers: sealedMap, created_by: userId });
    await repo.replaceProjection(state, id, projection);
    return stored;
  }

  private view(row: CaseRow, doc: StoredDocument, identifiers: Map<string, Identifiers> | null): CaseView {
    return {
      id: row.id,
      reportingState: row.reporting_state,
      status: row.status,
      version: row.version,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      submittedAt: iso(row.submitted_at),
      reviewedAt: iso(row.reviewed_at),
      reviewComments: row.review_comments,
      identifiersErased: row.identifiers_erased_at !== null,
      identified: identifiers !== null,
      document: present(doc, identifiers),
    };
  }
}

/** Who a person is, sealed, and their person key; both null when there are no identifiers. */
type Protect = (role: 'victim' | 'perpetrator', p: { ref: string; identifiers?: Identifiers | null | undefined }) => { sealed: string | null; pk: string | null };

/**
 * The current-version projection of a case document: value-or-reason fields split into value
 * columns and their reasons. Also used by the demonstration data, which loads in bulk.
 */
export function projectCase(content: CaseContent, protect: Protect): Projection {
  const ev = splitter();
  const e = content.event;
  const projection: Projection = {
    event: {
      iccs_code: ev.col('iccsCode', e.iccsCode),
      recruitment_date: ev.col('recruitmentDate', e.recruitmentDate),
      exploitation_start_date: ev.col('exploitationStartDate', e.exploitationStartDate),
      exploitation_end_date: ev.col('exploitationEndDate', e.exploitationEndDate),
      detection_date: ev.col('detectionDate', e.detectionDate),
      reasons: ev.reasons,
    },
    places: e.places.map((p, seq) => {
      const s = splitter();
      return { seq, stage: p.stage, country_iso3: s.col('country', p.country), area: p.area ?? null, reasons: s.reasons };
    }),
    victims: [],
    perpetrators: [],
    links: content.links.map((l) => ({ victim_ref: l.victim, perpetrator_ref: l.perpetrator })),
  };
  for (const v of content.victims) {
    const s = splitter();
    const { sealed, pk } = protect('victim', v);
    projection.victims.push({
      ref: v.ref,
      gender: s.col('gender', v.gender),
      age_years: s.col('age', v.age),
      age_band: s.col('ageBand', v.ageBand),
      minor_at_exploitation: s.col('minorAtExploitation', v.minorAtExploitation),
      citizenships: s.col('citizenships', v.citizenships),
      trafficking_status: s.col('traffickingStatus', v.traffickingStatus),
      status_decided_by: s.col('statusDecidedBy', v.statusDecidedBy),
      exploitation_forms: s.col('exploitationForms', v.exploitationForms),
      sex_exploitation_types: s.col('sexExploitationTypes', v.sexExploitationTypes),
      forced_labour_industries: s.col('forcedLabourIndustries', v.forcedLabourIndustries),
      methods_of_control: s.col('methodsOfControl', v.methodsOfControl),
      recruitment_method: s.col('recruitmentMethod', v.recruitmentMethod),
      relationship_to_trafficker: s.col('relationshipToTrafficker', v.relationshipToTrafficker),
      assistance_received: s.col('assistanceReceived', v.assistanceReceived),
      consent_to_share: v.consentToShare,
      consent_to_count: v.consentToCount,
      reasons: s.reasons,
      person_key: pk,
      identifiers_sealed: sealed,
    });
  }
  for (const p of content.perpetrators) {
    const s = splitter();
    const { sealed, pk } = protect('perpetrator', p);
    projection.perpetrators.push({
      ref: p.ref,
      kind: p.kind,
      roles: s.col('roles', p.roles),
      gender: s.col('gender', p.gender),
      age_band: s.col('ageBand', p.ageBand),
      citizenships: s.col('citizenships', p.citizenships),
      prosecution_outcome: s.col('prosecutionOutcome', p.prosecutionOutcome),
      reasons: s.reasons,
      person_key: pk,
      identifiers_sealed: sealed,
    });
  }
  return projection;
}

function present(doc: StoredDocument, identifiers: Map<string, Identifiers> | null): CaseDocument {
  const ids = (role: string, ref: string) => (identifiers ? { identifiers: identifiers.get(`${role}:${ref}`) ?? null } : {});
  return {
    reportingEntity: doc.reportingEntity,
    externalId: doc.externalId,
    event: doc.event,
    victims: doc.victims.map((v) => ({ ...v, countable: v.consentToCount, ...ids('victim', v.ref) })),
    perpetrators: doc.perpetrators.map((p) => ({ ...p, ...ids('perpetrator', p.ref) })),
    links: doc.links,
  };
}

function entityOf(c: { entity_type: string; entity_name: string; entity_organisation_id: string | null }): CaseDocument['reportingEntity'] {
  return {
    type: c.entity_type as CaseDocument['reportingEntity']['type'],
    ...(c.entity_name ? { name: c.entity_name } : {}),
    ...(c.entity_organisation_id ? { organisationId: c.entity_organisation_id } : {}),
  };
}

function duplicateExternalId(externalId: string): AppError {
  return new AppError('CONFLICT', `A case with external id ${externalId} already exists for this reporting entity`, [{ field: 'body.externalId', reason: 'already used by this reporting entity', value: externalId }]);
}
