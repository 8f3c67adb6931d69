// The steps of the case form. Each edits one part of the draft; errors come keyed by the
// field's path in the case document and are tied to their controls with aria-describedby.
import { useId } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import {
  ageBands,
  eventStages,
  exploitationForms,
  genders,
  iccsCodes,
  perpetratorKinds,
  prosecutionOutcomes,
  reportingEntityTypes,
  statusDecidedBy,
  traffickingStatuses,
} from '../../../server/modules/incidents/incidents.values.ts';
import type { CaseContent } from './incidentsApi.ts';
import { KnownField } from './KnownField.tsx';
import { labelKey, type ValueSet } from './labels.ts';
import { newPerpetrator, newVictim, nextRef, type Draft, type Known, type Perpetrator, type Victim } from './model.ts';

export interface StepProps {
  draft: Draft;
  setDraft: (update: (d: Draft) => Draft) => void;
  errors: Map<string, string>;
}

const setContent = (props: StepProps, f: (c: CaseContent) => CaseContent) => props.setDraft((d) => ({ ...d, content: f(d.content) }));

function Select({ id, value, onChange, options, set, describedBy, invalid }: { id: string; value: string; onChange: (v: string) => void; options: readonly string[]; set: ValueSet; describedBy?: string | undefined; invalid?: boolean }) {
  const { t } = useI18n();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
      {options.map((o) => (
        <option key={o} value={o}>
          {t(labelKey(set, o))}
        </option>
      ))}
    </select>
  );
}

function ValueLabel({ id, text }: { id: string; text: string }) {
  return (
    <label htmlFor={id} className="visually-hidden">
      {text}
    </label>
  );
}

function TextInput({ label, path, value, onChange, errors, hint }: { label: string; path: string; value: string; onChange: (v: string) => void; errors: Map<string, string>; hint?: string }) {
  const id = useId();
  const error = errors.get(path);
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field" data-field={path}>
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={described} aria-invalid={error ? true : undefined} />
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A value-or-reason field whose known value is picked from a value set. */
function KnownSelect({ label, path, value, onChange, options, set, errors }: { label: string; path: string; value: Known<string>; onChange: (v: Known<string>) => void; options: readonly string[]; set: ValueSet; errors: Map<string, string> }) {
  return (
    <KnownField label={label} path={path} value={value} onChange={onChange} initial={options[0]!} error={errors.get(path)}>
      {(c) => (
        <>
          <ValueLabel id={c.id} text={label} />
          <Select id={c.id} value={(value as { value: string }).value} onChange={(v) => onChange({ value: v })} options={options} set={set} describedBy={c.describedBy} invalid={c.invalid} />
        </>
      )}
    </KnownField>
  );
}

function KnownText({ label, path, value, onChange, errors, type = 'text', initial = '' }: { label: string; path: string; value: Known<string>; onChange: (v: Known<string>) => void; errors: Map<string, string>; type?: string; initial?: string }) {
  return (
    <KnownField label={label} path={path} value={value} onChange={onChange} initial={initial} error={errors.get(path)}>
      {(c) => (
        <>
          <ValueLabel id={c.id} text={label} />
          <input id={c.id} type={type} value={(value as { value: string }).value} onChange={(e) => onChange({ value: e.target.value })} aria-describedby={c.describedBy} aria-invalid={c.invalid || undefined} />
        </>
      )}
    </KnownField>
  );
}

/** A list of ISO codes typed as "UGA, KEN". */
function KnownCodes({ label, path, value, onChange, errors }: { label: string; path: string; value: Known<string[]>; onChange: (v: Known<string[]>) => void; errors: Map<string, string> }) {
  return (
    <KnownField label={label} path={path} value={value} onChange={onChange} initial={[]} error={errors.get(path)}>
      {(c) => (
        <>
          <ValueLabel id={c.id} text={label} />
          <input
            id={c.id}
            value={(value as { value: string[] }).value.join(', ')}
            onChange={(e) => onChange({ value: e.target.value.split(/[\s,;]+/).filter(Boolean).map((s) => s.toUpperCase()) })}
            aria-describedby={c.describedBy}
            aria-invalid={c.invalid || undefined}
          />
        </>
      )}
    </KnownField>
  );
}

function Checkbox({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  const id = useId();
  return (
    <div className="field field-checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export function EntityStep(props: StepProps) {
  const { t } = useI18n();
  const id = useId();
  const e = props.draft.content.reportingEntity;
  const setEntity = (patch: Partial<typeof e>) => setContent(props, (c) => ({ ...c, reportingEntity: { ...c.reportingEntity, ...patch } }));
  return (
    <>
      <div className="field">
        <label htmlFor={id}>{t('incidents.form.entityType')}</label>
        <Select id={id} value={e.type} onChange={(v) => setEntity({ type: v as typeof e.type })} options={reportingEntityTypes} set="entity" />
      </div>
      <TextInput label={t('incidents.form.entityName')} path="reportingEntity.name" value={e.name ?? ''} onChange={(v) => setEntity(v.trim() ? { name: v } : { name: undefined })} errors={props.errors} />
      <TextInput label={t('incidents.form.externalId')} path="externalId" value={props.draft.content.externalId} onChange={(v) => setContent(props, (c) => ({ ...c, externalId: v }))} errors={props.errors} />
    </>
  );
}

export function EventStep(props: StepProps) {
  const { t } = useI18n();
  const ev = props.draft.content.event;
  const setEvent = (patch: Partial<typeof ev>) => setContent(props, (c) => ({ ...c, event: { ...c.event, ...patch } }));
  const setPlace = (i: number, patch: Partial<(typeof ev.places)[number]>) => setEvent({ places: ev.places.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  return (
    <>
      <KnownSelect label={t('incidents.form.iccs')} path="event.iccsCode" value={ev.iccsCode} onChange={(v) => setEvent({ iccsCode: v as typeof ev.iccsCode })} options={iccsCodes} set="iccs" errors={props.errors} />
      {(['recruitmentDate', 'exploitationStartDate', 'exploitationEndDate', 'detectionDate'] as const).map((f) => (
        <KnownText key={f} label={t(`incidents.form.${f}`)} path={`event.${f}`} type="date" value={ev[f]} onChange={(v) => setEvent({ [f]: v })} errors={props.errors} />
      ))}
      <fieldset className="places">
        <legend>{t('incidents.form.places')}</legend>
        {ev.places.map((p, i) => (
          <div key={i} className="place-row">
            <PlaceStage index={i} value={p.stage} onChange={(stage) => setPlace(i, { stage })} errors={props.errors} />
            <KnownText label={t('incidents.form.country')} path={`event.places.${i}.country`} value={p.country} onChange={(country) => setPlace(i, { country })} errors={props.errors} />
            <TextInput label={t('incidents.form.area')} path={`event.places.${i}.area`} value={p.area ?? ''} onChange={(v) => setPlace(i, v.trim() ? { area: v } : { area: undefined })} errors={props.errors} />
            <button type="button" className="button button-secondary" onClick={() => setEvent({ places: ev.places.filter((_, j) => j !== i) })}>
              {t('incidents.form.remove')}
            </button>
          </div>
        ))}
        <button type="button" className="button button-secondary" onClick={() => setEvent({ places: [...ev.places, { stage: ev.places.length === 0 ? 'Recruitment' : 'Exploitation', country: { value: '' } }] })}>
          {t('incidents.form.addPlace')}
        </button>
      </fieldset>
    </>
  );
}

function PlaceStage({ index, value, onChange, errors }: { index: number; value: (typeof eventStages)[number]; onChange: (v: (typeof eventStages)[number]) => void; errors: Map<string, string> }) {
  const { t } = useI18n();
  const id = useId();
  const error = errors.get(`event.places.${index}.stage`);
  return (
    <div className="field">
      <label htmlFor={id}>{t('incidents.form.stage')}</label>
      <Select id={id} value={value} onChange={(v) => onChange(v as typeof value)} options={eventStages} set="stage" describedBy={error ? `${id}-error` : undefined} invalid={!!error} />
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function VictimsStep(props: StepProps) {
  const { t } = useI18n();
  const victims = props.draft.content.victims;
  const setVictim = (i: number, patch: Partial<Victim>) => setContent(props, (c) => ({ ...c, victims: c.victims.map((v, j) => (j === i ? { ...v, ...patch } : v)) }));
  return (
    <>
      {victims.map((v, i) => {
        const at = `victims.${i}`;
        const typed = props.draft.identifiers[`victim:${v.ref}`] ?? { givenNames: '', familyName: '' };
        const setTyped = (patch: Partial<typeof typed>) => props.setDraft((d) => ({ ...d, identifiers: { ...d.identifiers, [`victim:${v.ref}`]: { ...typed, ...patch } } }));
        return (
          <fieldset key={v.ref} className="person">
            <legend>{t('incidents.form.victim', { ref: v.ref })}</legend>
            <TextInput label={t('incidents.form.givenNames')} path={`${at}.identifiers.givenNames`} value={typed.givenNames} onChange={(x) => setTyped({ givenNames: x })} errors={props.errors} hint={t('incidents.form.identifiersHint')} />
            <TextInput label={t('incidents.form.familyName')} path={`${at}.identifiers.familyName`} value={typed.familyName} onChange={(x) => setTyped({ familyName: x })} errors={props.errors} />
            <KnownSelect label={t('incidents.form.gender')} path={`${at}.gender`} value={v.gender} onChange={(x) => setVictim(i, { gender: x as Victim['gender'] })} options={genders} set="gender" errors={props.errors} />
            <KnownField label={t('incidents.form.age')} path={`${at}.age`} value={v.age} onChange={(x) => setVictim(i, { age: x })} initial={0} error={props.errors.get(`${at}.age`)}>
              {(c) => (
                <>
                  <ValueLabel id={c.id} text={t('incidents.form.age')} />
                  <input id={c.id} type="number" min={0} max={120} value={(v.age as { value: number }).value} onChange={(e) => setVictim(i, { age: { value: Number(e.target.value) } })} aria-describedby={c.describedBy} aria-invalid={c.invalid || undefined} />
                </>
              )}
            </KnownField>
            <KnownField label={t('incidents.form.ageBand')} path={`${at}.ageBand`} value={v.ageBand} onChange={(x) => setVictim(i, { ageBand: x })} initial={ageBands[0]} error={props.errors.get(`${at}.ageBand`)}>
              {(c) => (
                <>
                  <ValueLabel id={c.id} text={t('incidents.form.ageBand')} />
                  <select id={c.id} value={(v.ageBand as { value: string }).value} onChange={(e) => setVictim(i, { ageBand: { value: e.target.value as (typeof ageBands)[number] } })} aria-describedby={c.describedBy} aria-invalid={c.invalid || undefined}>
                    {ageBands.map((b) => (
                      <option key={b} value={b}>
                        {b}
                      </option>
                    ))}
                  </select>
                </>
              )}
            </KnownField>
            <KnownField label={t('incidents.form.minor')} path={`${at}.minorAtExploitation`} value={v.minorAtExploitation} onChange={(x) => setVictim(i, { minorAtExploitation: x })} initial={false} error={props.errors.get(`${at}.minorAtExploitation`)}>
              {(c) => (
                <>
                  <ValueLabel id={c.id} text={t('incidents.form.minor')} />
                  <select id={c.id} value={String((v.minorAtExploitation as { value: boolean }).value)} onChange={(e) => setVictim(i, { minorAtExploitation: { value: e.target.value === 'true' } })} aria-describedby={c.describedBy} aria-invalid={c.invalid || undefined}>
                    <option value="true">{t('incidents.form.yes')}</option>
                    <option value="false">{t('incidents.form.no')}</option>
                  </select>
                </>
              )}
            </KnownField>
            <KnownCodes label={t('incidents.form.citizenships')} path={`${at}.citizenships`} value={v.citizenships} onChange={(x) => setVictim(i, { citizenships: x })} errors={props.errors} />
            <KnownSelect label={t('incidents.form.traffickingStatus')} path={`${at}.traffickingStatus`} value={v.traffickingStatus} onChange={(x) => setVictim(i, { traffickingStatus: x as Victim['traffickingStatus'] })} options={traffickingStatuses} set="tstatus" errors={props.errors} />
            <KnownSelect label={t('incidents.form.decidedBy')} path={`${at}.statusDecidedBy`} value={v.statusDecidedBy} onChange={(x) => setVictim(i, { statusDecidedBy: x as Victim['statusDecidedBy'] })} options={statusDecidedBy} set="decided" errors={props.errors} />
            <KnownField label={t('incidents.form.forms')} path={`${at}.exploitationForms`} value={v.exploitationForms} onChange={(x) => setVictim(i, { exploitationForms: x as Victim['exploitationForms'] })} initial={[] as string[]} error={props.errors.get(`${at}.exploitationForms`)}>
              {() => (
                <div className="checkbox-group">
                  {exploitationForms.map((f) => {
                    const chosen = (v.exploitationForms as { value: string[] }).value;
                    return <Checkbox key={f} label={t(labelKey('form', f))} checked={chosen.includes(f)} onChange={(on) => setVictim(i, { exploitationForms: { value: on ? [...chosen, f] : chosen.filter((x) => x !== f) } as Victim['exploitationForms'] })} />;
                  })}
                </div>
              )}
            </KnownField>
            <Checkbox label={t('incidents.form.consentToCount')} checked={v.consentToCount} onChange={(x) => setVictim(i, { consentToCount: x })} />
            <Checkbox label={t('incidents.form.consentToShare')} checked={v.consentToShare} onChange={(x) => setVictim(i, { consentToShare: x })} />
            {victims.length > 1 && (
              <button type="button" className="button button-secondary" onClick={() => setContent(props, (c) => ({ ...c, victims: c.victims.filter((_, j) => j !== i) }))}>
                {t('incidents.form.remove')}
              </button>
            )}
          </fieldset>
        );
      })}
      <button type="button" className="button button-secondary" onClick={() => setContent(props, (c) => ({ ...c, victims: [...c.victims, newVictim(nextRef('V', c.victims))] }))}>
        {t('incidents.form.addVictim')}
      </button>
    </>
  );
}

export function PerpetratorsStep(props: StepProps) {
  const { t } = useI18n();
  const people = props.draft.content.perpetrators;
  const setP = (i: number, patch: Partial<Perpetrator>) => setContent(props, (c) => ({ ...c, perpetrators: c.perpetrators.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));
  return (
    <>
      {people.map((p, i) => {
        const at = `perpetrators.${i}`;
        return (
          <fieldset key={p.ref} className="person">
            <legend>{t('incidents.form.perpetrator', { ref: p.ref })}</legend>
            <KindSelect value={p.kind} onChange={(kind) => setP(i, { kind })} />
            <KnownSelect label={t('incidents.form.gender')} path={`${at}.gender`} value={p.gender} onChange={(x) => setP(i, { gender: x as Perpetrator['gender'] })} options={genders} set="gender" errors={props.errors} />
            <KnownField label={t('incidents.form.ageBand')} path={`${at}.ageBand`} value={p.ageBand} onChange={(x) => setP(i, { ageBand: x })} initial={ageBands[3]} error={props.errors.get(`${at}.ageBand`)}>
              {(c) => (
                <>
                  <ValueLabel id={c.id} text={t('incidents.form.ageBand')} />
                  <select id={c.id} value={(p.ageBand as { value: string }).value} onChange={(e) => setP(i, { ageBand: { value: e.target.value as (typeof ageBands)[number] } })} aria-describedby={c.describedBy}>
                    {ageBands.map((b) => (
                      <option key={b} value={b}>
                        {b}
                      </option>
                    ))}
                  </select>
                </>
              )}
            </KnownField>
            <KnownCodes label={t('incidents.form.citizenships')} path={`${at}.citizenships`} value={p.citizenships} onChange={(x) => setP(i, { citizenships: x })} errors={props.errors} />
            <KnownSelect label={t('incidents.form.prosecution')} path={`${at}.prosecutionOutcome`} value={p.prosecutionOutcome} onChange={(x) => setP(i, { prosecutionOutcome: x as Perpetrator['prosecutionOutcome'] })} options={prosecutionOutcomes} set="outcome" errors={props.errors} />
            <button type="button" className="button button-secondary" onClick={() => setContent(props, (c) => ({ ...c, perpetrators: c.perpetrators.filter((_, j) => j !== i) }))}>
              {t('incidents.form.remove')}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="button button-secondary" onClick={() => setContent(props, (c) => ({ ...c, perpetrators: [...c.perpetrators, newPerpetrator(nextRef('P', c.perpetrators))] }))}>
        {t('incidents.form.addPerpetrator')}
      </button>
    </>
  );
}

function KindSelect({ value, onChange }: { value: Perpetrator['kind']; onChange: (v: Perpetrator['kind']) => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('incidents.form.kind')}</label>
      <Select id={id} value={value} onChange={(v) => onChange(v as Perpetrator['kind'])} options={perpetratorKinds} set="kind" />
    </div>
  );
}

export function LinksStep(props: StepProps) {
  const { t } = useI18n();
  const c = props.draft.content;
  if (c.victims.length === 0 || c.perpetrators.length === 0) return <p>{t('incidents.form.noLinks')}</p>;
  const linked = (v: string, p: string) => c.links.some((l) => l.victim === v && l.perpetrator === p);
  const toggle = (v: string, p: string, on: boolean) =>
    setContent(props, (d) => ({ ...d, links: on ? [...d.links, { victim: v, perpetrator: p }] : d.links.filter((l) => !(l.victim === v && l.perpetrator === p)) }));
  return (
    <fieldset>
      <legend>{t('incidents.form.linksHelp')}</legend>
      {c.perpetrators.flatMap((p) => c.victims.map((v) => <Checkbox key={`${p.ref}-${v.ref}`} label={t('incidents.form.link', { perpetrator: p.ref, victim: v.ref })} checked={linked(v.ref, p.ref)} onChange={(on) => toggle(v.ref, p.ref, on)} />))}
    </fieldset>
  );
}
