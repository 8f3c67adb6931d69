// Treaty status (para 2 of the resolution): which States signed and became party to which
// instrument, when and how. Reading is public; changes need organisations.manage (the
// secretariat) and are audited in the same transaction.
import type { Actor } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/policy.ts';
import { auditActorOf } from '../../platform/access/request-context.ts';
import { recordAudit, type AuditActor, type AuditRequestContext } from '../../platform/audit/audit.service.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, type ErrorDetail } from '../../platform/errors.ts';
import { ReferenceService } from '../reference/reference.service.ts';
import { formatTreatyCsv, parseTreatyCsv } from './treaties.csv.ts';
import { TreatiesRepository, type ActionKey, type ActionValues } from './treaties.repository.ts';
import type { ActionInput, CountryStatus, CountryTreaties, ImportResult, Instrument, StatusList } from './treaties.schema.ts';
import { partyActions, treatyActions, type TreatyAction } from './treaties.tables.ts';

/** At most this many problems are listed in one answer; the message gives the full count. */
const MAX_REPORTED = 1000;
const MAX_NOTES = 2000;

interface ActionFact {
  action: TreatyAction;
  action_date: string;
  notes: string | null;
  is_demo: boolean;
}

/** A State's standing on one instrument, from its actions. */
export function standingOf(actions: readonly ActionFact[]): Pick<CountryStatus, 'status' | 'signedOn' | 'partyOn' | 'how' | 'demo'> {
  const sorted = [...actions].sort((a, b) => a.action_date.localeCompare(b.action_date));
  const signed = sorted.find((a) => a.action === 'signature');
  const party = sorted.find((a) => partyActions.includes(a.action));
  return {
    status: party ? 'party' : signed ? 'signatory' : 'none',
    signedOn: signed?.action_date ?? null,
    partyOn: party?.action_date ?? null,
    how: party?.action ?? null,
    demo: actions.some((a) => a.is_demo),
  };
}

class DryRun extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

const today = () => new Date().toISOString().slice(0, 10);
const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;

export class TreatiesService {
  constructor(private readonly database: Database) {}

  private get repo(): TreatiesRepository {
    return new TreatiesRepository(this.database.db);
  }

  async instruments(): Promise<Instrument[]> {
    return (await this.repo.instruments()).map((i) => ({ code: i.code, shortName: i.short_name, names: i.names, adoptedOn: i.adopted_on, parentCode: i.parent_code, actions: i.actions }));
  }

  private async instrument(code: string): Promise<Instrument> {
    const all = await this.instruments();
    const found = all.find((i) => i.code === code.toUpperCase());
    if (!found) throw new AppError('VALIDATION_FAILED', `Unknown instrument ${code}`, [{ field: 'querystring.instrument', value: code, reason: `unknown instrument; one of ${all.map((i) => i.code).join(', ')}` }]);
    return found;
  }

  /** Every State's standing on one instrument: for the map and the list. */
  async status(code: string): Promise<StatusList> {
    const instrument = await this.instrument(code);
    const [actions, countries] = await Promise.all([this.repo.actionsOf(instrument.code), new ReferenceService(this.database.db).countries()]);
    const byCountry = new Map<string, ActionFact[]>();
    for (const a of actions) byCountry.set(a.country_iso3, [...(byCountry.get(a.country_iso3) ?? []), a]);
    const items: CountryStatus[] = countries
      .filter((c) => c.unStatus !== 'none' || byCountry.has(c.iso3))
      .map((c) => ({ countryIso3: c.iso3, countryNames: c.names, ...standingOf(byCountry.get(c.iso3) ?? []) }))
      .sort((a, b) => a.countryIso3.localeCompare(b.countryIso3));
    const counts = { party: 0, signatory: 0, none: 0 };
    for (const i of items) counts[i.status]++;
    return { instrument, counts, demo: items.some((i) => i.demo), items };
  }

  /** States (UN Members and observers) not yet party to the instrument, signatories first. */
  async notParty(code: string): Promise<StatusList> {
    const all = await this.status(code);
    const items = all.items.filter((i) => i.status !== 'party').sort((a, b) => (a.status === b.status ? a.countryIso3.localeCompare(b.countryIso3) : a.status === 'signatory' ? -1 : 1));
    return { ...all, counts: { party: 0, signatory: all.counts.signatory, none: all.counts.none }, demo: items.some((i) => i.demo), items };
  }

  /** One State's standing and actions on every instrument. */
  async country(iso3: string): Promise<CountryTreaties> {
    const country = await new ReferenceService(this.database.db).country(iso3);
    const [instruments, actions] = await Promise.all([this.instruments(), this.repo.actionsOfCountry(country.iso3)]);
    return {
      countryIso3: country.iso3,
      countryNames: country.names,
      instruments: instruments.map((i) => {
        const own = actions.filter((a) => a.instrument === i.code);
        return { instrument: i.code, shortName: i.shortName, ...standingOf(own), actions: own.map((a) => ({ action: a.action, date: a.action_date, notes: a.notes, demo: a.is_demo })) };
      }),
    };
  }

  /** Records one action; the same action on the same date twice is a CONFLICT. */
  async addAction(actor: Actor, input: ActionInput, request: AuditRequestContext): Promise<CountryTreaties> {
    authorize(actor, 'organisations.manage');
    const checker = await this.rowChecker();
    const problems = checker({ country_iso3: input.countryIso3, instrument: input.instrument, action: input.action, date: input.date, notes: input.notes ?? '' });
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'The treaty action is not valid', problems.map((p) => ({ ...p, field: `body.${apiField[p.field!] ?? p.field}` })));
    const values: ActionValues = { country_iso3: input.countryIso3, instrument: input.instrument.toUpperCase(), action: input.action, action_date: input.date, notes: input.notes || null };
    await this.database.transaction(async (tx) => {
      const repo = new TreatiesRepository(tx.db);
      if (!(await repo.insertAction(values))) throw new AppError('CONFLICT', `${values.country_iso3} already has a ${values.action} of ${values.instrument} on ${values.action_date}`);
      await recordAudit(tx.db, { action: 'treaty.update', actor: auditActorOf(actor), entityType: 'treaty_action', entityId: keyText(values), changes: { added: values }, request });
    });
    return this.country(values.country_iso3);
  }

  /** Deletes one recorded action (to correct a mistake). */
  async removeAction(actor: Actor, key: ActionKey, request: AuditRequestContext): Promise<CountryTreaties> {
    authorize(actor, 'organisations.manage');
    const normalised = { ...key, instrument: key.instrument.toUpperCase() };
    await this.database.transaction(async (tx) => {
      const repo = new TreatiesRepository(tx.db);
      const existing = await repo.findAction(normalised);
      if (!existing || !(await repo.deleteAction(normalised))) throw AppError.notFound('Treaty action');
      await recordAudit(tx.db, {
        action: 'treaty.update',
        actor: auditActorOf(actor),
        entityType: 'treaty_action',
        entityId: keyText(normalised),
        changes: { removed: { ...normalised, notes: existing.notes, demo: existing.is_demo } },
        request,
      });
    });
    return this.country(normalised.country_iso3);
  }

  /** CSV import by a user holding organisations.manage. */
  async importCsv(actor: Actor, text: string, options: { dryRun: boolean; source?: string | undefined }, request: AuditRequestContext): Promise<ImportResult> {
    authorize(actor, 'organisations.manage');
    return this.runImport(text, options, auditActorOf(actor), request);
  }

  /** CSV import from the command line: the operator of the installation, audited as the system. */
  async importCsvAsSystem(text: string, options: { dryRun: boolean; source?: string | undefined }): Promise<ImportResult> {
    return this.runImport(text, options, null, { correlationId: 'cli' });
  }

  /**
   * Parses and checks every row first and reports every problem (line, column, value,
   * reason); commits all rows or none. Idempotent: rows already present are left alone.
   */
  private async runImport(text: string, options: { dryRun: boolean; source?: string | undefined }, actor: AuditActor | null, request: AuditRequestContext): Promise<ImportResult> {
    const parsed = parseTreatyCsv(text);
    const problems: ErrorDetail[] = [...parsed.errors];
    const checker = await this.rowChecker();
    const seen = new Map<string, number>();
    const values: ActionValues[] = [];
    for (const row of parsed.rows) {
      const rowProblems = checker(row);
      problems.push(...rowProblems.map((p) => ({ line: row.line, ...p })));
      if (rowProblems.length) continue;
      const v: ActionValues = { country_iso3: row.country_iso3.toUpperCase(), instrument: row.instrument.toUpperCase(), action: row.action.toLowerCase() as TreatyAction, action_date: row.date, notes: row.notes || null };
      const key = keyText(v);
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push({ line: row.line, field: 'date', value: row.date, reason: `the same action is already on line ${first}` });
        continue;
      }
      seen.set(key, row.line);
      values.push(v);
    }
    if (problems.length) {
      problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      const shown = problems.slice(0, MAX_REPORTED);
      throw new AppError('VALIDATION_FAILED', `${problems.length} problem${problems.length === 1 ? '' : 's'} in the file${problems.length > shown.length ? ` (the first ${shown.length} listed)` : ''}; nothing was imported`, shown);
    }
    try {
      return await this.database.transaction(async (tx) => {
        const { inserted, updated } = await new TreatiesRepository(tx.db).upsertActions(values);
        const result: ImportResult = { dryRun: options.dryRun, rows: values.length, inserted, updated, unchanged: values.length - inserted - updated };
        // A dry run does the same work, then rolls it back: the counts are exact.
        if (options.dryRun) throw new DryRun(result);
        await recordAudit(tx.db, {
          action: 'treaty.import',
          actor,
          entityType: 'treaty_action',
          changes: { source: options.source ?? null, rows: result.rows, inserted, updated, unchanged: result.unchanged },
          request,
        });
        return result;
      });
    } catch (err) {
      if (err instanceof DryRun) return err.result;
      throw err;
    }
  }

  /** Every recorded action as CSV (synthetic rows marked in the `demo` column). */
  async exportCsv(): Promise<string> {
    return formatTreatyCsv(await this.repo.exportRows());
  }

  /** Checks one row against the reference data; problems name the CSV column. */
  private async rowChecker(): Promise<(row: { country_iso3: string; instrument: string; action: string; date: string; notes: string }) => ErrorDetail[]> {
    const [countries, instruments] = await Promise.all([new ReferenceService(this.database.db).countries(), this.instruments()]);
    const known = new Set(countries.map((c) => c.iso3));
    const byCode = new Map(instruments.map((i) => [i.code, i]));
    const now = today();
    return (row) => {
      const problems: ErrorDetail[] = [];
      const bad = (field: string, value: string, reason: string) => problems.push({ field, value, reason });
      const iso3 = row.country_iso3.toUpperCase();
      if (!/^[A-Z]{3}$/.test(iso3)) bad('country_iso3', row.country_iso3, row.country_iso3 ? 'not an ISO 3166-1 alpha-3 code' : 'missing');
      else if (!known.has(iso3)) bad('country_iso3', row.country_iso3, 'unknown country code');
      const instrument = byCode.get(row.instrument.toUpperCase());
      if (!instrument) bad('instrument', row.instrument, row.instrument ? `unknown instrument; one of ${instruments.map((i) => i.code).join(', ')}` : 'missing');
      const action = row.action.toLowerCase() as TreatyAction;
      if (!treatyActions.includes(action)) bad('action', row.action, row.action ? `unknown action; one of ${treatyActions.join(', ')}` : 'missing');
      else if (instrument && !instrument.actions.includes(action)) bad('action', row.action, `${instrument.code} takes only ${instrument.actions.join(', ')}`);
      if (!isDate(row.date)) bad('date', row.date, row.date ? 'not a date as YYYY-MM-DD' : 'missing');
      else if (row.date > now) bad('date', row.date, 'is in the future');
      else if (instrument && row.date < instrument.adoptedOn) bad('date', row.date, `is before ${instrument.code} was adopted (${instrument.adoptedOn})`);
      if (row.notes.length > MAX_NOTES) bad('notes', `${row.notes.slice(0, 40)}...`, `longer than ${MAX_NOTES} characters`);
      return problems;
    };
  }
}

/** CSV column → API field, for problems found in an API request. */
const apiField: Record<string, string> = { country_iso3: 'countryIso3', instrument: 'instrument', action: 'action', date: 'date', notes: 'notes' };

function keyText(k: ActionKey): string {
  return `${k.country_iso3}/${k.instrument}/${k.action}/${k.action_date}`;
}

