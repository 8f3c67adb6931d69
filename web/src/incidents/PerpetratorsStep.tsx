// The perpetrators step: a person or an organisation, its roles in the process (several),
// sex, age band, citizenships (country pick list) and what became of the prosecution.
import { useId } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ageBands, genders, perpetratorKinds, perpetratorRoles, prosecutionOutcomes } from '../../../server/modules/incidents/incidents.values.ts';
import { KnownChecks, KnownCountries, KnownSelect, Select, TextInput } from './FormControls.tsx';
import { setContent, type StepProps } from './FormSteps.tsx';
import { newPerpetrator, nextRef, type Perpetrator } from './model.ts';

export function PerpetratorsStep(props: StepProps) {
  const { t } = useI18n();
  const people = props.draft.content.perpetrators;
  const setP = (i: number, patch: Partial<Perpetrator>) => setContent(props, (c) => ({ ...c, perpetrators: c.perpetrators.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));
  return (
    <>
      {people.map((p, i) => (
        <PerpetratorFields key={p.ref} props={props} person={p} index={i} onChange={(patch) => setP(i, patch)} />
      ))}
      <button type="button" className="button button-secondary" onClick={() => setContent(props, (c) => ({ ...c, perpetrators: [...c.perpetrators, newPerpetrator(nextRef('P', c.perpetrators))] }))}>
        {t('incidents.form.addPerpetrator')}
      </button>
    </>
  );
}

function PerpetratorFields({ props, person: p, index: i, onChange }: { props: StepProps; person: Perpetrator; index: number; onChange: (patch: Partial<Perpetrator>) => void }) {
  const { t } = useI18n();
  const { notes } = props;
  const at = `perpetrators.${i}`;
  const typed = props.draft.identifiers[`perpetrator:${p.ref}`] ?? { givenNames: '', familyName: '' };
  const setTyped = (patch: Partial<typeof typed>) => props.setDraft((d) => ({ ...d, identifiers: { ...d.identifiers, [`perpetrator:${p.ref}`]: { ...typed, ...patch } } }));
  const set = <K extends keyof Perpetrator>(key: K) => (x: unknown) => onChange({ [key]: x });
  return (
    <fieldset className="person">
      <legend>{t('incidents.form.perpetrator', { ref: p.ref })}</legend>
      <KindSelect value={p.kind} onChange={(kind) => onChange(kind === 'organisation' ? { kind, gender: { reason: 'not_applicable' }, ageBand: { reason: 'not_applicable' } } : { kind })} />
      <TextInput label={t('incidents.form.givenNames')} path={`${at}.identifiers.givenNames`} value={typed.givenNames} onChange={(x) => setTyped({ givenNames: x })} notes={notes} hint={t('incidents.form.identifiersHint')} />
      <TextInput label={t('incidents.form.familyName')} path={`${at}.identifiers.familyName`} value={typed.familyName} onChange={(x) => setTyped({ familyName: x })} notes={notes} />
      <KnownChecks label={t('incidents.form.roles')} path={`${at}.roles`} value={p.roles} onChange={set('roles')} options={perpetratorRoles} set="role" notes={notes} />
      <KnownSelect label={t('incidents.form.gender')} path={`${at}.gender`} value={p.gender} onChange={set('gender')} options={genders} set="gender" notes={notes} />
      <KnownSelect label={t('incidents.form.ageBand')} path={`${at}.ageBand`} value={p.ageBand} onChange={set('ageBand')} options={ageBands} initial={ageBands[3]} notes={notes} />
      <KnownCountries label={t('incidents.form.citizenships')} path={`${at}.citizenships`} value={p.citizenships} onChange={set('citizenships')} notes={notes} />
      <KnownSelect label={t('incidents.form.prosecution')} path={`${at}.prosecutionOutcome`} value={p.prosecutionOutcome} onChange={set('prosecutionOutcome')} options={prosecutionOutcomes} set="outcome" notes={notes} />
      <button type="button" className="button button-secondary" onClick={() => setContent(props, (c) => ({ ...c, perpetrators: c.perpetrators.filter((_, j) => j !== i) }))}>
        {t('incidents.form.remove')}
      </button>
    </fieldset>
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
