import { CheckboxField, TextField } from '../Field';
import { useI18n } from '../../lib/use-i18n';

export interface PhoneFieldsProps {
  /** Prefix of the fields' ids: `${id}-phone`, `${id}-sms`. */
  id: string;
  phone: string;
  onPhone: (phone: string) => void;
  sms: boolean;
  onSms: (sms: boolean) => void;
  errors: { phone?: string; sms_opt_in?: string };
}

/**
 * A staff member's phone (typed as people write it; the server keeps one form and says
 * what is wrong) and whether reminders come by SMS too (the server allows it for a mobile
 * only): on the account page and in the administrator's user form.
 */
export function PhoneFields({ id, phone, onPhone, sms, onSms, errors }: PhoneFieldsProps) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        id={`${id}-phone`}
        type="tel"
        label={t('account.phone')}
        hint={t('account.phone_hint')}
        value={phone}
        onValue={onPhone}
        error={errors.phone}
        autocomplete="tel"
        maxLength={64}
      />
      <CheckboxField id={`${id}-sms`} label={t('account.sms')} hint={t('account.sms_hint')} checked={sms} onChecked={onSms} error={errors.sms_opt_in} />
    </>
  );
}

/** The phone as typed against the one kept: what to send ("" removes it), or undefined when unchanged. */
export function phoneChange(typed: string, kept: string | null | undefined): string | undefined {
  const clean = typed.trim();
  return clean === (kept ?? '') ? undefined : clean;
}
