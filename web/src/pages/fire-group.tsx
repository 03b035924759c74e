import { useState } from 'preact/hooks';
import type { PageProps } from '../app';
import { CardTable } from '../components/CardTable';
import { DetailFrame, FactList, FactsPanel, useDetail } from '../components/DetailFrame';
import { FileField, SelectField, TextAreaField, TextField } from '../components/Field';
import {
  DeletePoint,
  DrillForm,
  ExtinguisherForm,
  FireGroupEditForm,
  GearForm,
  MembersForm,
  PointForm,
  RetireForm,
} from '../components/FireGroupForms';
import { Link } from '../components/Link';
import { LoadStatus } from '../components/LoadStatus';
import { Toggle, ToggleSlot } from '../components/Toggle';
import { ErrorMessage } from '../components/Notice';
import { SubmitActions } from '../components/SubmitActions';
import { fire, type FireIncidentKind, localValidation } from '../lib/api';
import { can } from '../lib/capabilities';
import {
  type DueState,
  dueStates,
  evaluationLabel,
  groupTitle,
  INCIDENT_KINDS,
  incidentKindLabel,
  kindLabel,
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  PHOTO_TYPES,
} from '../lib/fire';
import { formatDate, formatDateTime, formatNumber, vietnamLocalInput } from '../lib/format';
import { fieldErrors } from '../lib/i18n';
import type { Drill, Extinguisher, FireGroupDetail, FireHouse } from '../lib/schema';
import { useAction } from '../lib/use-action';
import { useAsync } from '../lib/use-async';
import { useI18n } from '../lib/use-i18n';
import { useUser } from '../lib/use-session';
import styles from './fire.module.css';

/** Which form of the page is open (one at a time): "edit", "members", "gear-42", "ext-7"… */
type Open = string | null;

interface Changes {
  /** Something was written: say so and load the group again. */
  onDone: (confirmation: string) => void;
  /** Someone else changed it meanwhile (409): load the group again and say so. */
  onStale: () => void;
}

function Facts({ group }: { group: FireGroupDetail }) {
  const { t } = useI18n();
  const leader = group.houses.find((h) => h.household_id === group.leader_household_id);
  const facts: [string, string][] = [
    [t('fire.code'), group.code],
    [t('fire.village'), group.village_name],
    [t('fire.name'), group.name],
    [t('fire.leader'), leader ? `${leader.head_name} (${leader.code})` : '—'],
    [t('fire.members'), t('fire.members_value', { count: formatNumber(group.members) })],
    [t('fire.size_reason'), group.size_reason || '—'],
    [t('fire.founded_on'), formatDate(group.founded_on) || '—'],
    [t('fire.last_drill'), group.last_drill_on ? formatDate(group.last_drill_on) : t('fire.never_drilled')],
    [t('fire.dissolved_on'), formatDate(group.dissolved_on) || '—'],
    [t('fire.note'), group.note || '—'],
  ];
  return <FactsPanel id="fire-group-facts" heading={t('fire.facts')} facts={facts} />;
}

/** An extinguisher line's expiry, marked when the server's due lists hold it. */
function Expiry({ line, state }: { line: Extinguisher; state: DueState | undefined }) {
  const { t } = useI18n();
  if (line.retired_on) return <span class="muted">{t('fire.retired_value', { date: formatDate(line.retired_on) })}</span>;
  return (
    <>
      {formatDate(line.expires_on)}
      {state ? (
        <span class={state === 'expired' ? styles.expired : styles.expiring} data-due-state={state}>
          {' '}
          <span aria-hidden="true">⚠</span> {state === 'expired' ? t('fire.state_expired') : t('fire.state_expiring')}
        </span>
      ) : null}
    </>
  );
}

function Gear({ house }: { house: FireHouse }) {
  const { t } = useI18n();
  const gear = house.gear;
  if (!gear) return <p class="muted">{t('fire.gear_none')}</p>;
  const yes = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const tools = gear.forcing_tools || (gear.forcing_tool_count > 0 ? '' : '—');
  const facts: [string, string][] = [
    [t('fire.forcing_tools'), gear.forcing_tool_count > 0 ? `${tools}${tools ? ' ' : ''}(${formatNumber(gear.forcing_tool_count)})` : tools],
    [t('fire.bell'), yes(gear.bell)],
    [t('fire.push_buttons'), formatNumber(gear.push_buttons)],
    [t('fire.interlinked'), yes(gear.interlinked)],
    [t('fire.checked_on'), formatDate(gear.checked_on) || '—'],
  ];
  return <FactList id={`fire-house-${house.household_id}-gear`} facts={facts} />;
}

/** A member house: its extinguishers (with their due state) and its other gear. */
function House({
  house,
  states,
  writes,
  open,
  setOpen,
  onDone,
  onStale,
}: Changes & {
  house: FireHouse;
  states: ReadonlyMap<number, DueState>;
  writes: boolean;
  open: Open;
  setOpen: (open: Open) => void;
}) {
  const { t } = useI18n();
  const hid = house.household_id;
  const heading = `fire-house-${hid}-heading`;
  const columns = [t('fire.kind'), t('fire.capacity'), t('fire.count'), t('fire.expires_on'), t('fire.last_refill_on'), ...(writes ? [t('fire.actions')] : [])];
  const close = () => setOpen(null);
  const forms = { onDone, onStale, onCancel: close };
  return (
    <section class={styles.house} aria-labelledby={heading} data-household-id={hid} id={`fire-house-${hid}`}>
      <h3 id={heading}>
        <Link href={`/households/${hid}`}>{house.code}</Link> {house.head_name}
      </h3>
      {house.address ? <p class="muted">{house.address}</p> : null}
      {house.extinguishers.length === 0 ? <p id={`fire-house-${hid}-none`}>{t('fire.extinguishers_none')}</p> : null}
      {house.extinguishers.length > 0 ? (
        <CardTable id={`fire-house-${hid}-extinguishers`} labelledBy={heading} columns={columns}>
          {house.extinguishers.map((e) => (
            <tr key={e.id} data-extinguisher-id={e.id}>
              <td data-label={columns[0]}>
                {kindLabel(t, e.kind)}
                {e.kind_note ? <span class="muted"> ({e.kind_note})</span> : null}
              </td>
              <td data-label={columns[1]}>{e.capacity_kg === null ? '—' : `${formatNumber(e.capacity_kg)} kg`}</td>
              <td data-label={columns[2]}>{formatNumber(e.count)}</td>
              <td data-label={columns[3]}>
                <Expiry line={e} state={states.get(e.id)} />
              </td>
              <td data-label={columns[4]}>{formatDate(e.last_refill_on) || '—'}</td>
              {writes ? (
                <td data-label={columns[5]}>
                  {e.retired_on ? null : (
                    <div class="actions">
                      <Toggle id={`fire-ext-${e.id}-edit`} controls={`fire-ext-${e.id}-form`} open={open === `ext-${e.id}`} label={t('common.edit')} about={`${kindLabel(t, e.kind)}, ${house.code}`} onOpen={(o) => setOpen(o ? `ext-${e.id}` : null)} />
                      <Toggle id={`fire-ext-${e.id}-retire`} controls={`fire-ext-${e.id}-form`} open={open === `retire-${e.id}`} label={t('fire.retire')} about={`${kindLabel(t, e.kind)}, ${house.code}`} onOpen={(o) => setOpen(o ? `retire-${e.id}` : null)} />
                    </div>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </CardTable>
      ) : null}
      {house.extinguishers.map((e) => (
        <div key={e.id} id={`fire-ext-${e.id}-form`}>
          {open === `ext-${e.id}` ? <ExtinguisherForm key={e.version} house={house} extinguisher={e} {...forms} /> : null}
          {open === `retire-${e.id}` ? <RetireForm key={e.version} house={house} extinguisher={e} {...forms} /> : null}
        </div>
      ))}
      <h4>{t('fire.gear')}</h4>
      <Gear house={house} />
      {writes ? (
        <>
          <div class="actions">
            <Toggle id={`fire-house-${hid}-add`} controls={`fire-house-${hid}-form`} open={open === `ext-new-${hid}`} label={t('fire.extinguisher_add')} about={house.code} onOpen={(o) => setOpen(o ? `ext-new-${hid}` : null)} />
            <Toggle id={`fire-house-${hid}-gear-edit`} controls={`fire-house-${hid}-form`} open={open === `gear-${hid}`} label={t('fire.gear_edit')} about={house.code} onOpen={(o) => setOpen(o ? `gear-${hid}` : null)} />
          </div>
          <div id={`fire-house-${hid}-form`}>
            {open === `ext-new-${hid}` ? <ExtinguisherForm house={house} {...forms} /> : null}
            {open === `gear-${hid}` ? <GearForm house={house} onDone={onDone} onCancel={close} /> : null}
          </div>
        </>
      ) : null}
    </section>
  );
}

function Points({ group, writes, open, setOpen, onDone }: Pick<Changes, 'onDone'> & { group: FireGroupDetail; writes: boolean; open: Open; setOpen: (open: Open) => void }) {
  const { t } = useI18n();
  const close = () => setOpen(null);
  return (
    <section aria-labelledby="fire-points-heading" id="fire-points">
      <h2 id="fire-points-heading">{t('fire.points_title')}</h2>
      {group.points.length === 0 ? <p id="fire-points-none">{t('fire.points_none')}</p> : null}
      {group.points.length > 0 ? (
        <ul class={styles.points} aria-labelledby="fire-points-heading">
          {group.points.map((p) => (
            <li key={p.id} data-point-id={p.id}>
              <strong>{p.name}</strong> · <span class={styles.coords}>{`${p.lat}, ${p.lon}`}</span>
              {p.equipment ? <span class={styles.block}>{t('fire.point_equipment_value', { equipment: p.equipment })}</span> : null}
              {p.note ? <span class={`muted ${styles.block}`}>{p.note}</span> : null}
              {writes ? (
                <div class="actions">
                  <Toggle id={`fire-point-${p.id}-edit`} controls="fire-point-slot" open={open === `point-${p.id}`} label={t('common.edit')} about={p.name} onOpen={(o) => setOpen(o ? `point-${p.id}` : null)} />
                  <DeletePoint point={p} onDone={onDone} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {writes ? (
        <>
          <div class="actions">
            <Toggle id="fire-point-add" controls="fire-point-slot" open={open === 'point-new'} label={t('fire.point_add')} onOpen={(o) => setOpen(o ? 'point-new' : null)} />
          </div>
          <div id="fire-point-slot">
            {open === 'point-new' ? <PointForm groupId={group.id} onDone={onDone} onCancel={close} /> : null}
            {group.points.map((p) =>
              open === `point-${p.id}` ? <PointForm key={p.id} groupId={group.id} point={p} onDone={onDone} onCancel={close} /> : null,
            )}
          </div>
        </>
      ) : null}
    </section>
  );
}

/**
 * A drill's photos, each opening as stored (without its GPS position), and for those who
 * record drills one more at a time, up to five; a photo over 4 MB is refused before it is sent.
 */
function DrillPhotos({ drill, writes, onAdded }: { drill: Drill; writes: boolean; onAdded: (confirmation: string) => void }) {
  const { t } = useI18n();
  const photos = useAsync((signal) => fire.drillPhotos(drill.id, signal), [drill.id]);
  const items = photos.data?.items ?? [];
  const [files, setFiles] = useState<File[]>([]);
  const { error, setError, busy, run } = useAction();
  const date = formatDate(drill.held_on);
  const id = `fire-drill-${drill.id}-photo`;
  const label = t('fire.photo_add', { date });
  const file = files[0];
  const tooLarge = file !== undefined && file.size > MAX_PHOTO_BYTES;

  const upload = (event: Event) => {
    event.preventDefault();
    if (!file) {
      setError(localValidation([{ field: 'file', code: 'required' }]));
      return;
    }
    if (tooLarge) return;
    void run(async () => {
      const photo = await fire.addDrillPhoto(drill.id, file);
      setFiles([]);
      photos.reload();
      onAdded(t('fire.photo_added', { name: photo.name, date }));
    });
  };

  return (
    <div id={`fire-drill-${drill.id}-photos`}>
      <LoadStatus state={photos} />
      {photos.data && items.length === 0 ? <span class="muted">{t('fire.photos_none')}</span> : null}
      {items.length > 0 ? (
        <ul class="actions" aria-label={t('fire.drill_photos')}>
          {items.map((photo, index) => (
            <li key={photo.id} data-file-id={photo.id}>
              <a href={fire.fileUrl(photo.id)} target="_blank" rel="noopener">
                <img src={fire.fileUrl(photo.id)} alt={t('fire.photo_alt', { number: index + 1, date })} width={96} loading="lazy" />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {writes && photos.data && items.length >= MAX_PHOTOS ? <p class="muted">{t('fire.photos_full')}</p> : null}
      {writes && photos.data && items.length < MAX_PHOTOS ? (
        <form id={`${id}-form`} noValidate onSubmit={upload}>
          <ErrorMessage error={error} fields={{ file: label }} />
          <FileField
            id={id}
            label={label}
            hint={t('fire.photo_hint')}
            accept={PHOTO_TYPES}
            files={files}
            onFiles={(chosen) => {
              setFiles(chosen);
              setError(null);
            }}
            error={tooLarge ? t('fire.photo_too_large') : fieldErrors(t, error).file}
          />
          <SubmitActions busy={busy} class="secondary" label={t('fire.photo_submit')} />
        </form>
      ) : null}
    </div>
  );
}

function Drills({
  group,
  writes,
  open,
  setOpen,
  onRecorded,
  onPhoto,
}: {
  group: FireGroupDetail;
  writes: boolean;
  open: Open;
  setOpen: (open: Open) => void;
  onRecorded: (drill: Drill, confirmation: string) => void;
  onPhoto: (confirmation: string) => void;
}) {
  const { t } = useI18n();
  const drills = useAsync((signal) => fire.drills(group.id, signal), [group.id]);
  const items = drills.data?.items ?? [];
  const columns = [t('fire.held_on'), t('fire.scenario'), t('fire.participants'), t('fire.evaluation'), t('fire.evaluation_note'), t('fire.drill_photos')];
  return (
    <section aria-labelledby="fire-drills-heading" id="fire-drills">
      <h2 id="fire-drills-heading">{t('fire.drills_title')}</h2>
      <LoadStatus state={drills} />
      {drills.data && items.length === 0 ? <p id="fire-drills-none">{t('fire.drills_none')}</p> : null}
      {items.length > 0 ? (
        <CardTable id="fire-drills-table" labelledBy="fire-drills-heading" busy={drills.loading} columns={columns}>
          {items.map((d) => (
            <tr key={d.id} data-drill-id={d.id}>
              <td data-label={columns[0]}>{formatDate(d.held_on)}</td>
              <td data-label={columns[1]}>
                {d.scenario}
                {d.observers ? <span class={`muted ${styles.block}`}>{t('fire.observers_value', { observers: d.observers })}</span> : null}
              </td>
              <td data-label={columns[2]}>{formatNumber(d.participants)}</td>
              <td data-label={columns[3]}>{evaluationLabel(t, d.evaluation)}</td>
              <td data-label={columns[4]}>{d.evaluation_note || '—'}</td>
              <td data-label={columns[5]}>
                <DrillPhotos drill={d} writes={writes} onAdded={onPhoto} />
              </td>
            </tr>
          ))}
        </CardTable>
      ) : null}
      {writes ? (
        <>
          <div class="actions">
            <button
              type="button"
              id="fire-drill-toggle"
              aria-expanded={open === 'drill' ? 'true' : 'false'}
              aria-controls="fire-drill-slot"
              onClick={() => setOpen(open === 'drill' ? null : 'drill')}
            >
              {t('fire.drill_open')}
            </button>
          </div>
          <div id="fire-drill-slot">
            {open === 'drill' ? (
              <DrillForm
                group={group}
                onDone={(drill, confirmation) => {
                  drills.reload();
                  onRecorded(drill, confirmation);
                }}
                onCancel={() => setOpen(null)}
              />
            ) : null}
          </div>
        </>
      ) : null}
    </section>
  );
}

/** #fire-incident: a fire or incident the group attended, at Vietnam's local time, not in the future. */
function IncidentForm({ group, onDone, onCancel }: { group: FireGroupDetail; onDone: (confirmation: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [f, setF] = useState({
    occurred_at: vietnamLocalInput(Date.now()),
    kind: 'fire' as FireIncidentKind,
    place: '',
    description: '',
    damage: '',
    response: '',
  });
  const set = (key: keyof typeof f) => (value: string) => setF({ ...f, [key]: value });
  const { error, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const fields = {
    occurred_at: t('fire.occurred_at'),
    kind: t('fire.incident_kind'),
    place: t('fire.incident_place'),
    description: t('fire.incident_description'),
    damage: t('fire.incident_damage'),
    response: t('fire.incident_response'),
  };

  const submit = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      const saved = await fire.recordIncident(group.id, {
        occurred_at: f.occurred_at,
        kind: f.kind,
        place: f.place.trim(),
        description: f.description.trim(),
        damage: f.damage.trim(),
        response: f.response.trim(),
      });
      onDone(t('fire.incident_recorded', { date: formatDateTime(saved.occurred_at), code: group.code }));
    });
  };

  return (
    <form class="panel" id="fire-incident" noValidate onSubmit={submit} aria-labelledby="fire-incident-heading">
      <h3 id="fire-incident-heading">{t('fire.incident_title', { code: group.code })}</h3>
      <ErrorMessage error={error} fields={fields} />
      <div class="form-grid">
        <TextField id="fire-incident-at" type="datetime-local" label={fields.occurred_at} required hint={t('fire.occurred_at_hint')} value={f.occurred_at} onValue={set('occurred_at')} error={fe.occurred_at} />
        <SelectField
          id="fire-incident-kind"
          label={fields.kind}
          required
          value={f.kind}
          onValue={set('kind')}
          options={INCIDENT_KINDS.map((k) => ({ value: k, label: incidentKindLabel(t, k) }))}
          error={fe.kind}
        />
        <TextField id="fire-incident-place" label={fields.place} maxLength={300} value={f.place} onValue={set('place')} error={fe.place} />
      </div>
      <TextAreaField id="fire-incident-description" label={fields.description} maxLength={2000} rows={2} value={f.description} onValue={set('description')} error={fe.description} />
      <TextAreaField id="fire-incident-damage" label={fields.damage} maxLength={2000} rows={2} value={f.damage} onValue={set('damage')} error={fe.damage} />
      <TextAreaField id="fire-incident-response" label={fields.response} maxLength={2000} rows={2} value={f.response} onValue={set('response')} error={fe.response} />
      <SubmitActions busy={busy} label={t('fire.incident_submit')}>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </SubmitActions>
    </form>
  );
}

/** The fires and incidents the group attended, newest first, and (for those who record drills) a new one. */
function Incidents({
  group,
  writes,
  open,
  setOpen,
  onRecorded,
}: {
  group: FireGroupDetail;
  writes: boolean;
  open: Open;
  setOpen: (open: Open) => void;
  onRecorded: (confirmation: string) => void;
}) {
  const { t } = useI18n();
  const incidents = useAsync((signal) => fire.incidents(group.id, signal), [group.id]);
  const items = incidents.data?.items ?? [];
  const columns = [
    t('fire.occurred_at'),
    t('fire.incident_kind'),
    t('fire.incident_place'),
    t('fire.incident_description'),
    t('fire.incident_damage'),
    t('fire.incident_response'),
  ];
  return (
    <section aria-labelledby="fire-incidents-heading" id="fire-incidents">
      <h2 id="fire-incidents-heading">{t('fire.incidents_title')}</h2>
      <LoadStatus state={incidents} />
      {incidents.data && items.length === 0 ? <p id="fire-incidents-none">{t('fire.incidents_none')}</p> : null}
      {items.length > 0 ? (
        <CardTable id="fire-incidents-table" labelledBy="fire-incidents-heading" busy={incidents.loading} columns={columns}>
          {items.map((i) => (
            <tr key={i.id} data-incident-id={i.id}>
              <td data-label={columns[0]}>{formatDateTime(i.occurred_at)}</td>
              <td data-label={columns[1]}>{incidentKindLabel(t, i.kind)}</td>
              <td data-label={columns[2]}>{i.place || '—'}</td>
              <td data-label={columns[3]}>{i.description || '—'}</td>
              <td data-label={columns[4]}>{i.damage || '—'}</td>
              <td data-label={columns[5]}>{i.response || '—'}</td>
            </tr>
          ))}
        </CardTable>
      ) : null}
      {writes ? (
        <>
          <div class="actions">
            <Toggle id="fire-incident-toggle" controls="fire-incident-slot" open={open === 'incident'} label={t('fire.incident_open')} onOpen={(o) => setOpen(o ? 'incident' : null)} />
          </div>
          <div id="fire-incident-slot">
            {open === 'incident' ? (
              <IncidentForm
                group={group}
                onDone={(confirmation) => {
                  incidents.reload();
                  onRecorded(confirmation);
                }}
                onCancel={() => setOpen(null)}
              />
            ) : null}
          </div>
        </>
      ) : null}
    </section>
  );
}

/**
 * /fire-groups/:id: one fire-safety group: its facts and their change (with the version
 * seen; a 409 reloads it and says so), its member households (the size warning asking for a
 * reason), each house's extinguishers (marked when the server's due lists hold them) and
 * other gear, the group's firefighting points, its drills with their photos, and the fires
 * and incidents it attended.
 */
export function FireGroupPage({ params }: PageProps) {
  const { t } = useI18n();
  const user = useUser();
  const writes = can(user, 'households.write');
  // Drills, their photos and incidents: those who were there (as the service says).
  const records = can(user, 'households.witness');
  const [open, setOpen] = useState<Open>(null);
  const detail = useDetail(params, fire.get);
  const group = detail.state.data;
  const villageId = group?.village_id ?? null;
  // The village's due lists mark the lines expired or expiring (the rule is the server's).
  const due = useAsync((signal) => (villageId === null ? Promise.resolve(undefined) : fire.due(villageId, signal)), [villageId]);
  const states = dueStates(due.data);
  const changes: Changes = {
    onDone: (confirmation) => {
      detail.changed(confirmation);
      setOpen(null);
      due.reload();
    },
    onStale: () => {
      detail.conflict();
      due.reload();
    },
  };

  return (
    <DetailFrame
      back={{ href: '/fire-groups', label: t('fire.back') }}
      title={group ? groupTitle(t, group) : t('fire.title')}
      detail={detail}
      staleTitle={t('fire.stale')}
      demoNote={t('fire.demo_note')}
    >
      {(group) => (
        <>
          <Facts group={group} />
          {writes ? (
            <ToggleSlot id="fire-group-edit-toggle" slot="fire-group-edit-slot" open={open === 'edit'} label={t('fire.edit')} onOpen={(o) => setOpen(o ? 'edit' : null)}>
              <FireGroupEditForm key={group.version} group={group} onDone={(_saved, confirmation) => changes.onDone(confirmation)} onStale={changes.onStale} />
            </ToggleSlot>
          ) : null}

          <section aria-labelledby="fire-houses-heading" id="fire-houses">
            <h2 id="fire-houses-heading">{t('fire.houses_title', { count: formatNumber(group.members) })}</h2>
            {writes ? (
              <ToggleSlot id="fire-members-toggle" slot="fire-members-slot" open={open === 'members'} label={t('fire.members_edit')} onOpen={(o) => setOpen(o ? 'members' : null)}>
                <MembersForm key={group.version} group={group} onDone={(_saved, confirmation) => changes.onDone(confirmation)} onStale={changes.onStale} />
              </ToggleSlot>
            ) : null}
            {group.houses.length === 0 ? <p id="fire-houses-none">{t('fire.houses_none')}</p> : null}
            {group.houses.map((house) => (
              <House key={house.household_id} house={house} states={states} writes={writes} open={open} setOpen={setOpen} {...changes} />
            ))}
          </section>

          <Points group={group} writes={writes} open={open} setOpen={setOpen} onDone={changes.onDone} />
          <Drills
            group={group}
            writes={records}
            open={open}
            setOpen={setOpen}
            onRecorded={(_drill, confirmation) => changes.onDone(confirmation)}
            onPhoto={detail.say}
          />
          <Incidents
            group={group}
            writes={records}
            open={open}
            setOpen={setOpen}
            onRecorded={(confirmation) => {
              detail.say(confirmation);
              setOpen(null);
            }}
          />
        </>
      )}
    </DetailFrame>
  );
}
