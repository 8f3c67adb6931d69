import { Field } from '../forms/Field.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

export interface NewPassword {
  password: string;
  confirmation: string;
}

/** A new password typed twice; says so when the two differ (checked before sending). */
export function NewPasswordFields({ value, onChange, error, showMismatch }: { value: NewPassword; onChange: (next: NewPassword) => void; error: unknown; showMismatch: boolean }) {
  const { t } = useI18n();
  const mismatch = showMismatch && value.confirmation !== value.password;
  return (
    <>
      <Field
        label={t('field.newPassword')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        value={value.password}
        onChange={(password) => onChange({ ...value, password })}
        hint={t('field.newPasswordHint')}
        error={error}
      />
      <Field
        label={t('field.confirmPassword')}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        value={value.confirmation}
        onChange={(confirmation) => onChange({ ...value, confirmation })}
        problem={mismatch ? t('field.passwordMismatch') : undefined}
      />
    </>
  );
}
