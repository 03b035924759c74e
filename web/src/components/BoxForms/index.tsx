// Paper mailboxes for commune officers: add a box, rename it, take it down or put it back,
// and record an opening (when, who was present, how many letters).
import { useRef, useState } from 'preact/hooks';
import styles from './style.module.css';
import { CommunePicker, useCommuneChoice, VillagePicker } from '../CommuneFields';
import { TextAreaField, TextField } from '../Field';
import { ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { boxes, localValidation } from '../../lib/api';
import {
  checkOpening,
  localInputText,
  MAX_LETTERS,
  MAX_PEOPLE,
  vietnamDateTime,
  vietnamLocalInput,
} from '../../lib/boxes';
import { formatNumber } from '../../lib/format';
import { fieldErrors } from '../../lib/i18n';
import type { Opening, Box, UnitNode } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';

const MAX_PLACE = 300;

interface PlaceProps {
  id: string;
  hint?: string;
  value: string;
  onValue: (value: string) => void;
  error: string | undefined;
}

/** Where the box stands, when adding it and when renaming it. */
function PlaceField(props: PlaceProps) {
  const { t } = useI18n();
  return (
    <TextField
      {...props}
      label={t('boxes.place')}
      required
      maxLength={MAX_PLACE}
      autocomplete="off"
    />
  );
}

interface CreateProps {
  /** The communes the officer covers, with their villages. */
  communes: readonly UnitNode[];
  onDone: (box: Box, confirmation: string) => void;
}

/** #box-form: a new box in one of the officer's communes, optionally tied to a village. */
export function BoxCreateForm({ communes, onDone }: CreateProps) {
  const { t } = useI18n();
  const choice = useCommuneChoice(communes);
  const [place, setPlace] = useState('');
  const { error, setError, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const labels = {
    unit_id: t('boxes.unit'),
    village_id: t('boxes.village'),
    place: t('boxes.place'),
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const missing: { field: string; code: string }[] = [];
    if (!choice.unitId) missing.push({ field: 'unit_id', code: 'required' });
    if (!place.trim()) missing.push({ field: 'place', code: 'required' });
    if (missing.length) {
      setError(localValidation(missing));
      return;
    }
    void run(async () => {
      const box = await boxes.create({
        unit_id: Number(choice.unitId),
        ...(choice.villageId ? { village_id: Number(choice.villageId) } : {}),
        place: place.trim(),
      });
      setPlace('');
      choice.setVillageId('');
      onDone(box, t('boxes.added', { place: box.place }));
    });
  };

  return (
    <form
      class="panel"
      id="box-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="box-form-heading"
    >
      <h2 id="box-form-heading">{t('boxes.add')}</h2>
      <ErrorMessage error={error} fields={labels} />
      <div class="form-grid">
        <CommunePicker
          id="box-unit"
          label={labels.unit_id}
          choice={choice}
          placeholder={t('boxes.choose_unit')}
          error={fe.unit_id}
        />
        <VillagePicker
          id="box-village"
          label={labels.village_id}
          choice={choice}
          placeholder={t('boxes.village_none')}
          error={fe.village_id}
        />
      </div>
      <PlaceField
        id="box-place"
        hint={t('boxes.place_hint')}
        value={place}
        onValue={setPlace}
        error={fe.place}
      />
      <SubmitActions busy={busy} label={t('boxes.add_submit')} />
    </form>
  );
}

interface EditProps {
  box: Box;
  onDone: (box: Box, confirmation: string) => void;
}

/** #box-edit: change where the box stands, take it down or put it back. */
export function BoxEditForm({ box, onDone }: EditProps) {
  const { t } = useI18n();
  const [place, setPlace] = useState(box.place);
  const { error, setError, busy, run } = useAction();
  const fe = fieldErrors(t, error);

  const rename = (event: Event) => {
    event.preventDefault();
    if (!place.trim()) {
      setError(localValidation([{ field: 'place', code: 'required' }]));
      return;
    }
    void run(async () => {
      const updated = await boxes.update(box.id, { place: place.trim() });
      setPlace(updated.place);
      onDone(updated, t('boxes.renamed', { place: updated.place }));
    });
  };
  const setActive = (active: boolean) =>
    void run(async () => {
      const updated = await boxes.update(box.id, { active });
      onDone(
        updated,
        active
          ? t('boxes.put_back_done', { place: updated.place })
          : t('boxes.taken_down', { place: updated.place }),
      );
    });

  return (
    <section class="panel" aria-labelledby="box-edit-heading" id="box-edit">
      <h2 id="box-edit-heading">{t('boxes.edit')}</h2>
      <ErrorMessage error={error} fields={{ place: t('boxes.place') }} />
      <form id="box-rename-form" onSubmit={rename} noValidate aria-label={t('boxes.rename_submit')}>
        <PlaceField id="box-rename-place" value={place} onValue={setPlace} error={fe.place} />
        <SubmitActions busy={busy} label={t('boxes.rename_submit')} />
      </form>
      <p class="muted" id="box-active-hint">
        {t('boxes.take_down_hint')}
      </p>
      <div class="actions">
        {box.active ? (
          <button
            type="button"
            class="secondary"
            id="box-take-down"
            disabled={busy}
            aria-describedby="box-active-hint"
            onClick={() => setActive(false)}
          >
            {t('boxes.take_down')}
          </button>
        ) : (
          <button type="button" id="box-put-back" disabled={busy} onClick={() => setActive(true)}>
            {t('boxes.put_back')}
          </button>
        )}
      </div>
    </section>
  );
}

interface Person {
  name: string;
  position: string;
}

const twoPeople = (): Person[] => [
  { name: '', position: '' },
  { name: '', position: '' },
];

interface OpeningProps {
  boxId: number;
  onDone: (opening: Opening, confirmation: string) => void;
  /** The clock (ms since the epoch) for the default time; now by default. */
  now?: number;
}

/** #opening-form: an opening of the box, by at least two people, with the letters found. */
export function OpeningForm({ boxId, onDone, now }: OpeningProps) {
  const { t } = useI18n();
  const [openedAt, setOpenedAt] = useState(() => vietnamLocalInput(now ?? Date.now()));
  const [people, setPeople] = useState<Person[]>(twoPeople);
  const [letters, setLetters] = useState('');
  const [number, setNumber] = useState('');
  const [notes, setNotes] = useState('');
  const { error, setError, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const list = useRef<HTMLDivElement>(null);

  const labels: Record<string, string> = {
    opened_at: t('boxes.record_opened_at'),
    people: t('boxes.record_people'),
    letters: t('boxes.record_letters'),
    number: t('boxes.record_number'),
    notes: t('boxes.record_notes'),
  };
  people.forEach((_, index) => {
    labels[`people[${index}].name`] = t('boxes.person_name', { n: index + 1 });
    labels[`people[${index}].position`] = t('boxes.person_position', { n: index + 1 });
  });

  const change = (index: number, field: keyof Person, value: string) =>
    setPeople((rows) => rows.map((row, i) => (i === index ? { ...row, [field]: value } : row)));
  const addPerson = () => {
    const next = people.length;
    setPeople((rows) => [...rows, { name: '', position: '' }]);
    // Focus the new row's first field once it is there.
    setTimeout(() =>
      list.current?.querySelector<HTMLInputElement>(`#person-${next}-name`)?.focus(),
    );
  };
  const removePerson = (index: number) => {
    setPeople((rows) => rows.filter((_, i) => i !== index));
    setError(null);
    setTimeout(() => document.getElementById('add-person')?.focus());
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const problems = checkOpening({ openedAt, people, letters, number, notes });
    if (problems.length) {
      setError(localValidation(problems));
      return;
    }
    void run(async () => {
      const opening = await boxes.recordOpening(boxId, {
        opened_at: openedAt,
        people: people.map((p) => ({ name: p.name.trim(), position: p.position.trim() })),
        letters: Number(letters.trim()),
        ...(number.trim() ? { number: number.trim() } : {}),
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      });
      setOpenedAt(vietnamLocalInput(Date.now()));
      setPeople(twoPeople());
      setLetters('');
      setNumber('');
      setNotes('');
      onDone(
        opening,
        t('boxes.recorded', {
          date: vietnamDateTime(opening.opened_at),
          letters: formatNumber(opening.letters),
        }),
      );
    });
  };

  return (
    <form
      class="panel"
      id="opening-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="opening-form-heading"
    >
      <h2 id="opening-form-heading">{t('boxes.record')}</h2>
      <p>{t('boxes.record_intro')}</p>
      <ErrorMessage error={error} fields={labels} />
      <div class="form-grid">
        <TextField
          id="opening-at"
          type="datetime-local"
          label={labels.opened_at}
          hint={
            <>
              {t('boxes.record_opened_at_hint')}
              {localInputText(openedAt) ? (
                <>
                  {' '}
                  <span id="opening-at-chosen">
                    {t('boxes.record_opened_at_chosen', { date: localInputText(openedAt) })}
                  </span>
                </>
              ) : null}
            </>
          }
          value={openedAt}
          onValue={setOpenedAt}
          error={fe.opened_at}
          required
        />
      </div>
      <fieldset
        id="opening-people"
        aria-describedby={
          fe.people ? 'opening-people-hint opening-people-error' : 'opening-people-hint'
        }
      >
        <legend>{labels.people}</legend>
        <p id="opening-people-hint" class="muted">
          {t('boxes.record_people_hint')}
        </p>
        {fe.people ? (
          <p id="opening-people-error" class={styles.error}>
            {fe.people}
          </p>
        ) : null}
        <div ref={list}>
          {people.map((person, index) => (
            <div class={styles.person} key={index} data-person={index}>
              <TextField
                id={`person-${index}-name`}
                label={labels[`people[${index}].name`]}
                value={person.name}
                onValue={(value) => change(index, 'name', value)}
                error={fe[`people[${index}].name`]}
                required
                maxLength={200}
                autocomplete="off"
              />
              <TextField
                id={`person-${index}-position`}
                label={labels[`people[${index}].position`]}
                value={person.position}
                onValue={(value) => change(index, 'position', value)}
                error={fe[`people[${index}].position`]}
                required
                maxLength={200}
                autocomplete="off"
              />
              {people.length > 2 ? (
                <button
                  type="button"
                  class={`secondary ${styles.remove}`}
                  onClick={() => removePerson(index)}
                >
                  {t('boxes.remove_person', { n: index + 1 })}
                </button>
              ) : null}
            </div>
          ))}
        </div>
        {people.length < MAX_PEOPLE ? (
          <button type="button" class="secondary" id="add-person" onClick={addPerson}>
            <span aria-hidden="true">+</span>
            {t('boxes.add_person')}
          </button>
        ) : null}
      </fieldset>
      <div class="form-grid">
        <TextField
          id="opening-letters"
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_LETTERS}
          step={1}
          label={labels.letters}
          hint={t('boxes.record_letters_hint')}
          value={letters}
          onValue={setLetters}
          error={fe.letters}
          required
          autocomplete="off"
        />
        <TextField
          id="opening-number"
          label={labels.number}
          hint={t('boxes.record_number_hint')}
          value={number}
          onValue={setNumber}
          error={fe.number}
          maxLength={50}
          autocomplete="off"
        />
      </div>
      <TextAreaField
        id="opening-notes"
        label={labels.notes}
        hint={t('boxes.record_notes_hint')}
        value={notes}
        onValue={setNotes}
        error={fe.notes}
        rows={3}
        maxLength={2000}
      />
      <SubmitActions busy={busy} label={t('boxes.record_submit')} />
    </form>
  );
}
