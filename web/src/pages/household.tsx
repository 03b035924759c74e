import { useState } from 'preact/hooks';
import type { PageProps } from '../app';
import { CardTable } from '../components/CardTable';
import { DetailFrame, FactsPanel, useDetail } from '../components/DetailFrame';
import { HouseholdForm, PhonePanel, RegistrationForm, WithdrawConsentForm } from '../components/HouseholdForms';
import { LoadStatus } from '../components/LoadStatus';
import { ToggleSlot } from '../components/Toggle';
import { NO_UNITS } from '../components/UnitPicker';
import { households, units } from '../lib/api';
import { can } from '../lib/capabilities';
import { formatDate, formatNumber } from '../lib/format';
import { channelLabel } from '../lib/households';
import type { HouseholdDetail } from '../lib/schema';
import { useAsync } from '../lib/use-async';
import { useI18n } from '../lib/use-i18n';
import { useUser } from '../lib/use-session';

function Facts({ household }: { household: HouseholdDetail }) {
  const { t } = useI18n();
  const consent = household.consent;
  const facts: [string, string][] = [
    [t('community.code'), household.code],
    [t('community.village'), household.village_name],
    [t('community.head_name'), household.head_name],
    [t('community.address'), household.address || '—'],
    [t('community.members'), formatNumber(household.members)],
    [t('community.phone'), household.has_phone ? t('community.phone_on_record') : t('community.phone_absent')],
    [
      t('community.consent'),
      consent
        ? t('community.consent_value', {
            date: formatDate(consent.on),
            channel: channelLabel(t, consent.channel),
            text: consent.text_version || '—',
          })
        : '—',
    ],
    [t('community.since_on'), formatDate(household.since_on) || '—'],
    [t('community.left_on'), formatDate(household.left_on) || '—'],
    [t('community.note'), household.note || '—'],
  ];
  return <FactsPanel id="household-facts" heading={t('community.facts')} facts={facts} />;
}

function Registrations({ household }: { household: HouseholdDetail }) {
  const { t } = useI18n();
  const columns = [t('community.year'), t('community.registered_on'), t('community.signed'), t('community.note')];
  return (
    <section aria-labelledby="household-registrations-heading">
      <h2 id="household-registrations-heading">{t('community.registrations')}</h2>
      {household.registrations.length === 0 ? <p id="household-registrations-none">{t('community.registrations_none')}</p> : null}
      {household.registrations.length > 0 ? (
        <CardTable id="household-registrations" labelledBy="household-registrations-heading" columns={columns}>
          {household.registrations.map((r) => (
            <tr key={r.year} data-year={r.year}>
              <td data-label={columns[0]}>{r.year}</td>
              <td data-label={columns[1]}>{formatDate(r.registered_on)}</td>
              <td data-label={columns[2]}>{r.signed ? t('common.yes') : t('common.no')}</td>
              <td data-label={columns[3]}>{r.note || '—'}</td>
            </tr>
          ))}
        </CardTable>
      ) : null}
    </section>
  );
}

/**
 * /households/:id: one household, its registrations by year, and what the user may do:
 * change it (with the version they saw; a 409 reloads it and says so), read its phone with
 * a reason (officers), record a withdrawn consent and tick this year's registration
 * (officers and village teams).
 */
export function HouseholdPage({ params }: PageProps) {
  const { t } = useI18n();
  const user = useUser();
  const writes = can(user, 'households.write');
  const witnesses = can(user, 'households.witness');
  const [editing, setEditing] = useState(false);
  const detail = useDetail(params, households.get);
  const household = detail.state.data;
  // The villages of the edit form, once it is opened.
  const tree = useAsync((signal) => (editing ? units.tree(false, signal) : Promise.resolve(undefined)), [editing]);

  return (
    <DetailFrame
      back={{ href: '/households', label: t('community.back') }}
      title={household ? t('community.detail_title', { code: household.code, head: household.head_name }) : t('community.title')}
      detail={detail}
      staleTitle={t('community.stale')}
      demoNote={t('community.demo_note')}
    >
      {(household) => (
        <>
          <Facts household={household} />
          {writes ? (
            <ToggleSlot id="household-edit-toggle" slot="household-edit" open={editing} label={t('community.edit')} onOpen={setEditing}>
              <LoadStatus state={tree} />
              <HouseholdForm
                // A new version (after a save or a conflict) starts the form over from it.
                key={household.version}
                roots={tree.data?.roots ?? NO_UNITS}
                loading={tree.loading}
                household={household}
                role={user.role}
                onDone={(_saved, confirmation) => {
                  setEditing(false);
                  detail.changed(confirmation);
                }}
                onStale={detail.conflict}
              />
            </ToggleSlot>
          ) : null}
          {can(user, 'households.phones') && household.has_phone ? <PhonePanel household={household} /> : null}
          <Registrations household={household} />
          {witnesses ? <RegistrationForm household={household} onDone={detail.changed} onConflict={detail.refresh} /> : null}
          {witnesses && household.consent ? <WithdrawConsentForm household={household} onDone={detail.changed} /> : null}
        </>
      )}
    </DetailFrame>
  );
}
