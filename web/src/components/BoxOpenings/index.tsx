// The openings of one paper mailbox: when, who was present, letters found and registered,
// the minutes to download and, for officers, registering the next letter.
import styles from './style.module.css';
import { CardTable } from '../CardTable';
import { Link } from '../Link';
import { boxes } from '../../lib/api';
import { lettersLeft, vietnamDateTime } from '../../lib/boxes';
import { formatNumber } from '../../lib/format';
import type { Opening } from '../../lib/schema';
import { useI18n } from '../../lib/use-i18n';

interface Props {
  openings: readonly Opening[];
  /** Officers register letters; reviewers and administrators only read. */
  canRegister: boolean;
}

/** Where "Vào sổ thư" leads: the register form with the channel and the opening chosen. */
export function registerLetterUrl(openingId: number): string {
  return `/mailbox/new?channel=box&opening=${openingId}`;
}

export function BoxOpenings({ openings, canRegister }: Props) {
  const { t } = useI18n();
  if (openings.length === 0) return <p id="openings-empty">{t('boxes.openings_empty')}</p>;
  const sorted = [...openings].sort(
    (a, b) => Date.parse(b.opened_at) - Date.parse(a.opened_at) || b.id - a.id,
  );
  return (
    <CardTable
      id="openings-table"
      labelledBy="openings-heading"
      columns={[
        t('boxes.opened_at'),
        t('boxes.people'),
        t('boxes.letters'),
        t('boxes.number'),
        t('boxes.notes'),
        t('boxes.recorded_by'),
        t('boxes.actions'),
      ]}
    >
      {sorted.map((opening) => {
        const full = lettersLeft(opening) === 0;
        return (
          <tr key={opening.id} data-opening-id={opening.id}>
            <td data-label={t('boxes.opened_at')}>
              <time dateTime={opening.opened_at}>{vietnamDateTime(opening.opened_at)}</time>
              <br />
              <span class="muted" id={`opening-${opening.id}-name`}>
                {t('boxes.opening_number', { id: opening.id })}
              </span>
            </td>
            <td data-label={t('boxes.people')}>
              <ul class={styles.people}>
                {opening.people.map((person, index) => (
                  <li key={index}>
                    {person.name}
                    {person.position ? <span class="muted"> — {person.position}</span> : null}
                  </li>
                ))}
              </ul>
            </td>
            <td data-label={t('boxes.letters')} class="opening-letters">
              {t('boxes.letters_count', {
                registered: formatNumber(opening.registered),
                letters: formatNumber(opening.letters),
              })}
            </td>
            <td data-label={t('boxes.number')}>{opening.number || t('common.none')}</td>
            <td data-label={t('boxes.notes')} class={styles.notes}>
              {opening.notes || t('common.none')}
            </td>
            <td data-label={t('boxes.recorded_by')}>{opening.recorded_by}</td>
            <td data-label={t('boxes.actions')}>
              <div class={styles.actions}>
                <a
                  href={boxes.minutesUrl(opening.id)}
                  download
                  class={styles.action}
                  data-minutes={opening.id}
                  aria-describedby={`opening-${opening.id}-name`}
                >
                  {t('boxes.minutes')}
                </a>
                {canRegister && !full ? (
                  <Link
                    href={registerLetterUrl(opening.id)}
                    class={styles.action}
                    data-register={opening.id}
                    aria-describedby={`opening-${opening.id}-name`}
                  >
                    {t('boxes.register_letter')}
                  </Link>
                ) : null}
                {canRegister && full ? (
                  <span class={styles.done} data-register-done={opening.id}>
                    {t('boxes.all_registered')}
                  </span>
                ) : null}
              </div>
            </td>
          </tr>
        );
      })}
    </CardTable>
  );
}
