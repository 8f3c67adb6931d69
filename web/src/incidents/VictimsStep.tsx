// The victims step: identifiers typed once, then each HTCDS victim field as a value or the
// reason it is missing; several-valued fields are checkbox groups, citizenships a country pick list.
import { useI18n } from '../i18n/I18nProvider.tsx';
import {
  ageBands,
  assistanceTypes,
  exploitationForms,
  genders,
  isicSections,
  methodsOfControl,
  recruitmentMethods,
  relationshipsToTrafficker,
  sexExploitationTypes,
  statusDecidedBy,
  traffickingStatuses,
} from '../../../server/modules/incidents/incidents.values.ts';
import { Checkbox, KnownChecks, KnownCountries, KnownSelect, TextInput, ValueLabel } from './FormControls.tsx';
import { setContent, type StepProps } from './FormSteps.tsx';
import { KnownField } from './KnownField.tsx';
import { newVictim, nextRef, type Victim } from './model.ts';

export function VictimsStep(props: StepProps) {
  const { t } = useI18n();
  const victims = props.draft.content.victims;
  const setVictim = (i: number, patch: Partial<Victim>) => setContent(props, (c) => ({ ...c, victims: c.victims.map((v, j) => (j === i ? { ...v, ...patch } : v)) }));
  return (
    <>
      {victims.map((v, i) => (
        <VictimFields key={v.ref} props={props} victim={v} index={i} onChange={(patch) => setVictim(i, patch)} removable={victims.length > 1} />
      ))}
      <button type="button" className="button button-secondary" onClick={() => setContent(props, (c) => ({ ...c, victims: [...c.victims, newVictim(nextRef('V', c.victims))] }))}>
        {t('incidents.form.addVictim')}
      </button>
    </>
  );
}

function VictimFields({ props, victim: v, index: i, onChange, removable }: { props: StepProps; victim: Victim; index: number; onChange: (patch: Partial<Victim>) => void; removable: boolean }) {
  const { t } = useI18n();
  const { notes } = props;
  const at = `victims.${i}`;
  const typed = props.draft.identifiers[`victim:${v.ref}`] ?? { givenNames: '', familyName: '' };
  const setTyped = (patch: Partial<typeof typed>) => props.setDraft((d) => ({ ...d, identifiers: { ...d.identifiers, [`victim:${v.ref}`]: { ...typed, ...patch } } }));
  // The value sets are typed by the schema; the controls work on strings.
  const set = <K extends keyof Victim>(key: K) => (x: unknown) => onChange({ [key]: x });
  return (
    <fieldset className="person">
      <legend>{t('incidents.form.victim', { ref: v.ref })}</legend>
      <TextInput label={t('incidents.form.givenNames')} path={`${at}.identifiers.givenNames`} value={typed.givenNames} onChange={(x) => setTyped({ givenNames: x })} notes={notes} hint={t('incidents.form.identifiersHint')} />
      <TextInput label={t('incidents.form.familyName')} path={`${at}.identifiers.familyName`} value={typed.familyName} onChange={(x) => setTyped({ familyName: x })} notes={notes} />
      <KnownSelect label={t('incidents.form.gender')} path={`${at}.gender`} value={v.gender} onChange={set('gender')} options={genders} set="gender" notes={notes} />
      <KnownField label={t('incidents.form.age')} path={`${at}.age`} value={v.age} onChange={set('age')} initial={0} error={notes.errors.get(`${at}.age`)}>
        {(c) => (
          <>
            <ValueLabel id={c.id} text={t('incidents.form.age')} />
            <input id={c.id} type="number" min={0} max={120} value={ageText(v.age)} onChange={(e) => onChange({ age: { value: e.target.value === '' ? Number.NaN : Number(e.target.value) } })} aria-describedby={c.describedBy} aria-invalid={c.invalid || undefined} />
          </>
        )}
      </KnownField>
      <KnownSelect label={t('incidents.form.ageBand')} path={`${at}.ageBand`} value={v.ageBand} onChange={set('ageBand')} options={ageBands} notes={notes} />
      <KnownField label={t('incidents.form.minor')} path={`${at}.minorAtExploitation`} value={v.minorAtExploitation} onChange={set('minorAtExploitation')} initial={false} error={notes.errors.get(`${at}.minorAtExploitation`)}>
        {(c) => (
          <>
            <ValueLabel id={c.id} text={t('incidents.form.minor')} />
            <select id={c.id} value={String((v.minorAtExploitation as { value: boolean }).value)} onChange={(e) => onChange({ minorAtExploitation: { value: e.target.value === 'true' } })} aria-describedby={c.describedBy} aria-invalid={c.invalid || undefined}>
              <option value="true">{t('incidents.form.yes')}</option>
              <option value="false">{t('incidents.form.no')}</option>
            </select>
          </>
        )}
      </KnownField>
      <KnownCountries label={t('incidents.form.citizenships')} path={`${at}.citizenships`} value={v.citizenships} onChange={set('citizenships')} notes={notes} />
      <KnownSelect label={t('incidents.form.traffickingStatus')} path={`${at}.traffickingStatus`} value={v.traffickingStatus} onChange={set('traffickingStatus')} options={traffickingStatuses} set="tstatus" notes={notes} />
      <KnownSelect label={t('incidents.form.decidedBy')} path={`${at}.statusDecidedBy`} value={v.statusDecidedBy} onChange={set('statusDecidedBy')} options={statusDecidedBy} set="decided" notes={notes} />
      <KnownChecks label={t('incidents.form.forms')} path={`${at}.exploitationForms`} value={v.exploitationForms} onChange={set('exploitationForms')} options={exploitationForms} set="form" notes={notes} />
      <KnownChecks label={t('incidents.form.sexTypes')} path={`${at}.sexExploitationTypes`} value={v.sexExploitationTypes} onChange={set('sexExploitationTypes')} options={sexExploitationTypes} set="sexType" notes={notes} />
      <KnownChecks label={t('incidents.form.industries')} path={`${at}.forcedLabourIndustries`} value={v.forcedLabourIndustries} onChange={set('forcedLabourIndustries')} options={isicSections} set="isic" notes={notes} />
      <KnownChecks label={t('incidents.form.controls')} path={`${at}.methodsOfControl`} value={v.methodsOfControl} onChange={set('methodsOfControl')} options={methodsOfControl} set="control" notes={notes} />
      <KnownSelect label={t('incidents.form.recruitment')} path={`${at}.recruitmentMethod`} value={v.recruitmentMethod} onChange={set('recruitmentMethod')} options={recruitmentMethods} set="recruit" notes={notes} />
      <KnownSelect label={t('incidents.form.relationship')} path={`${at}.relationshipToTrafficker`} value={v.relationshipToTrafficker} onChange={set('relationshipToTrafficker')} options={relationshipsToTrafficker} set="relation" notes={notes} />
      <KnownChecks label={t('incidents.form.assistance')} path={`${at}.assistanceReceived`} value={v.assistanceReceived} onChange={set('assistanceReceived')} options={assistanceTypes} set="assist" notes={notes} />
      <Checkbox label={t('incidents.form.consentToCount')} checked={v.consentToCount} onChange={(x) => onChange({ consentToCount: x })} />
      <Checkbox label={t('incidents.form.consentToShare')} checked={v.consentToShare} onChange={(x) => onChange({ consentToShare: x })} />
      {removable && (
        <button type="button" className="button button-secondary" onClick={() => setContent(props, (c) => ({ ...c, victims: c.victims.filter((_, j) => j !== i) }))}>
          {t('incidents.form.remove')}
        </button>
      )}
    </fieldset>
  );
}

/** An emptied age box stays empty (and is flagged), rather than turning into a known age of 0. */
const ageText = (age: Victim['age']) => ('value' in age && !Number.isNaN(age.value) ? age.value : '');
