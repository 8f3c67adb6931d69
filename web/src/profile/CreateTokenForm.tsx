import { useCallback, useState } from 'react';
import { createMyToken } from '../auth/accessApi.ts';
import { Field } from '../forms/Field.tsx';
import { FormAlert } from '../forms/FormAlert.tsx';
import { SelectField } from '../forms/SelectField.tsx';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

const lifetimes = [30, 90, 180, 365] as const;

/** Name and lifetime of a new token; it acts with its owner's permissions. */
export function CreateTokenForm({ onCreated }: { onCreated: (created: { name: string; token: string }) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const submission = useSubmit(
    useCallback(async () => {
      const created = await createMyToken({ name: name.trim(), expiresInDays: Number(days) });
      setName('');
      onCreated({ name: created.name, token: created.token });
    }, [name, days, onCreated]),
  );
  return (
    <form className="form form-inline" onSubmit={submission.onSubmit} noValidate aria-labelledby="create-token-heading">
      <h3 id="create-token-heading">{t('tokens.create')}</h3>
      <FormAlert error={submission.error} attempt={submission.attempt} />
      <Field label={t('tokens.name')} name="name" required value={name} onChange={setName} error={submission.error} hint={t('tokens.nameHint')} />
      <SelectField
        label={t('tokens.lifetime')}
        name="expiresInDays"
        value={days}
        onChange={setDays}
        options={lifetimes.map((d) => [String(d), t('tokens.days', { days: d })] as const)}
        error={submission.error}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={submission.pending}>
          {t('tokens.createSubmit')}
        </button>
      </div>
    </form>
  );
}
