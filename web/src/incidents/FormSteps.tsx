// The steps of the case form that are not about people (the victims and perpetrators steps
// have their own files). Each edits one part of the draft; problems come keyed by the field's
// path in the case document and are tied to their controls with aria-describedby.
import { useId } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { eventStages, iccsCodes, reportingEntityTypes } from '../../../server/modules/incidents/incidents.values.ts';
import { Checkbox, KnownCountry, KnownSelect, KnownText, Select, TextInput, type Notes } from './FormControls.tsx';
import type { CaseContent } from './incidentsApi.ts';
import type { Draft } from './model.ts';

export interface StepProps {
  draft: Draft;
  setDraft: (update: (d: Draft) => Draft) => void;
  notes: Notes;
}

export const setContent = (props: StepProps, f: (c: CaseContent) => CaseContent) => props.setDraft((d) => ({ ...d, content: f(d.content) }));

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
      <TextInput label={t('incidents.form.entityName')} path="reportingEntity.name" value={e.name ?? ''} onChange={(v) => setEntity(v.trim() ? { name: v } : { name: undefined })} notes={props.notes} />
      <TextInput label={t('incidents.form.externalId')} path="externalId" value={props.draft.content.externalId} onChange={(v) => setContent(props, (c) => ({ ...c, externalId: v }))} notes={props.notes} />
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
      <KnownSelect label={t('incidents.form.iccs')} path="event.iccsCode" value={ev.iccsCode} onChange={(v) => setEvent({ iccsCode: v as typeof ev.iccsCode })} options={iccsCodes} set="iccs" notes={props.notes} />
      {(['recruitmentDate', 'exploitationStartDate', 'exploitationEndDate', 'detectionDate'] as const).map((f) => (
        <KnownText key={f} label={t(`incidents.form.${f}`)} path={`event.${f}`} type="date" value={ev[f]} onChange={(v) => setEvent({ [f]: v })} notes={props.notes} />
      ))}
      <fieldset className="places">
        <legend>{t('incidents.form.places')}</legend>
        {ev.places.map((p, i) => (
          <div key={i} className="place-row">
            <PlaceStage index={i} value={p.stage} onChange={(stage) => setPlace(i, { stage })} notes={props.notes} />
            <KnownCountry label={t('incidents.form.country')} path={`event.places.${i}.country`} value={p.country} onChange={(country) => setPlace(i, { country })} notes={props.notes} />
            <TextInput label={t('incidents.form.area')} path={`event.places.${i}.area`} value={p.area ?? ''} onChange={(v) => setPlace(i, v.trim() ? { area: v } : { area: undefined })} notes={props.notes} />
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

function PlaceStage({ index, value, onChange, notes }: { index: number; value: (typeof eventStages)[number]; onChange: (v: (typeof eventStages)[number]) => void; notes: Notes }) {
  const { t } = useI18n();
  const id = useId();
  const error = notes.errors.get(`event.places.${index}.stage`);
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
