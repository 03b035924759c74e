import { useMemo, useState } from 'preact/hooks';
import type { PageProps } from '../app';
import { CardTable } from '../components/CardTable';
import { BoxCreateForm, BoxEditForm, OpeningForm } from '../components/BoxForms';
import { BoxOpenings } from '../components/BoxOpenings';
import { BackLink, Link } from '../components/Link';
import { LoadStatus } from '../components/LoadStatus';
import { ErrorMessage, InfoMessage, StatusMessage } from '../components/Notice';
import { ApiError, boxes, units } from '../lib/api';
import { communesOf, groupByCommune, vietnamDateTime } from '../lib/boxes';
import { formatNumber } from '../lib/format';
import type { Box } from '../lib/schema';
import { useAsync } from '../lib/use-async';
import { useI18n } from '../lib/use-i18n';
import { useUser } from '../lib/use-session';
import { useTitle } from '../lib/use-title';
import styles from './mailbox.module.css';

function BoxState({ box }: { box: Box }) {
  const { t } = useI18n();
  return box.active ? (
    <span data-active="true">{t('boxes.active')}</span>
  ) : (
    <strong class={styles.takenDown} data-active="false">
      {t('boxes.inactive')}
    </strong>
  );
}

/**
 * /mailbox/boxes: the paper mailboxes of the communes in the user's scope, by commune.
 * Officers add boxes here; reviewers and administrators only read.
 */
export function BoxesPage(_: PageProps) {
  const { t } = useI18n();
  const user = useUser();
  const officer = user.role === 'officer';
  useTitle(t('boxes.title'));
  const [status, setStatus] = useState('');
  const list = useAsync((signal) => boxes.list(null, signal), []);
  // The officer's communes (and their villages) for the new-box form.
  const tree = useAsync(
    (signal) => (officer ? units.tree(false, signal) : Promise.resolve(null)),
    [officer],
  );
  const communes = useMemo(() => communesOf(tree.data?.roots ?? []), [tree.data]);
  const groups = groupByCommune(list.data?.items ?? []);

  return (
    <>
      {officer ? <BackLink href="/mailbox" label={t('boxes.back')} /> : null}
      <h1>{t('boxes.title')}</h1>
      <p>{t('boxes.intro')}</p>
      {!officer ? <InfoMessage>{t('boxes.read_only')}</InfoMessage> : null}
      <StatusMessage>{status}</StatusMessage>

      <section aria-labelledby="boxes-heading">
        <h2 id="boxes-heading">{t('boxes.list')}</h2>
        <LoadStatus state={list} />
        {list.data && groups.length === 0 ? <p id="boxes-empty">{t('boxes.empty')}</p> : null}
        {groups.map((group) => (
          <div key={group.unitId} data-unit-id={group.unitId}>
            <h3 id={`boxes-unit-${group.unitId}`}>
              {group.unitName}{' '}
              <span class="muted">
                ({t('boxes.commune_count', { count: formatNumber(group.boxes.length) })})
              </span>
            </h3>
            <CardTable
              class="boxes-table"
              labelledBy={`boxes-unit-${group.unitId}`}
              busy={list.loading}
              columns={[
                t('boxes.place'),
                t('boxes.village'),
                t('boxes.state'),
                t('boxes.last_opened'),
                t('boxes.openings'),
              ]}
            >
              {group.boxes.map((box) => (
                <tr key={box.id} data-box-id={box.id} data-active={String(box.active)}>
                  <td data-label={t('boxes.place')}>
                    <Link href={`/mailbox/boxes/${box.id}`} class={styles.tipLink}>
                      {box.place}
                    </Link>
                  </td>
                  <td data-label={t('boxes.village')}>
                    {box.village_name || <span class="muted">{t('boxes.no_village')}</span>}
                  </td>
                  <td data-label={t('boxes.state')}>
                    <BoxState box={box} />
                  </td>
                  <td data-label={t('boxes.last_opened')}>
                    {box.last_opened_at ? (
                      <time dateTime={box.last_opened_at}>
                        {vietnamDateTime(box.last_opened_at)}
                      </time>
                    ) : (
                      <span class="muted">{t('boxes.never_opened')}</span>
                    )}
                  </td>
                  <td data-label={t('boxes.openings')}>{formatNumber(box.openings)}</td>
                </tr>
              ))}
            </CardTable>
          </div>
        ))}
      </section>

      {officer ? (
        <>
          <ErrorMessage error={tree.error} />
          {communes.length > 0 ? (
            <BoxCreateForm
              communes={communes}
              onDone={(_box, confirmation) => {
                setStatus(confirmation);
                list.reload();
              }}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}

/** /mailbox/boxes/:id: one box, its openings, and (officers) changing it and recording openings. */
export function BoxPage({ params }: PageProps) {
  const { t } = useI18n();
  const user = useUser();
  const officer = user.role === 'officer';
  const id = params.id !== undefined && /^\d+$/.test(params.id) ? Number(params.id) : null;
  const [status, setStatus] = useState('');
  // There is no GET for one box: it comes from the list of the user's scope.
  const list = useAsync((signal) => boxes.list(null, signal), []);
  const openings = useAsync(
    (signal) => (id === null ? Promise.resolve({ items: [] }) : boxes.openings(id, signal)),
    [id],
  );
  const box = list.data?.items.find((b) => b.id === id);
  useTitle(box ? t('boxes.box_title', { place: box.place }) : t('boxes.title'));
  const missing = id === null || (list.data !== undefined && !box);

  const changed = (confirmation: string) => {
    setStatus(confirmation);
    list.reload();
  };

  return (
    <>
      <BackLink href="/mailbox/boxes" label={t('boxes.back_list')} />
      <h1>{box ? t('boxes.box_title', { place: box.place }) : t('boxes.title')}</h1>
      <StatusMessage>{status}</StatusMessage>
      {missing ? (
        <ErrorMessage
          error={new ApiError({ status: 404, slug: 'not-found', detail: t('boxes.not_found') })}
        />
      ) : null}
      <LoadStatus state={list} />
      {box ? (
        <>
          <section class="panel" aria-labelledby="box-facts-heading">
            <h2 id="box-facts-heading">{t('boxes.facts')}</h2>
            <dl class="facts">
              <dt>{t('boxes.commune')}</dt>
              <dd>{box.unit_name}</dd>
              <dt>{t('boxes.village')}</dt>
              <dd>{box.village_name || <span class="muted">{t('boxes.no_village')}</span>}</dd>
              <dt>{t('boxes.place')}</dt>
              <dd id="box-place">{box.place}</dd>
              <dt>{t('boxes.state')}</dt>
              <dd id="box-state">
                <BoxState box={box} />
              </dd>
              <dt>{t('boxes.created')}</dt>
              <dd>{vietnamDateTime(box.created_at)}</dd>
              <dt>{t('boxes.last_opened')}</dt>
              <dd>
                {box.last_opened_at ? vietnamDateTime(box.last_opened_at) : t('boxes.never_opened')}
              </dd>
              <dt>{t('boxes.openings')}</dt>
              <dd id="box-openings-count">{formatNumber(box.openings)}</dd>
            </dl>
          </section>

          <section aria-labelledby="openings-heading" class={styles.section}>
            <h2 id="openings-heading">{t('boxes.openings_title')}</h2>
            <LoadStatus state={openings} />
            {openings.data ? (
              <BoxOpenings openings={openings.data.items} canRegister={officer} />
            ) : null}
          </section>

          {officer && box.active ? (
            <OpeningForm
              boxId={box.id}
              onDone={(_opening, confirmation) => {
                changed(confirmation);
                openings.reload();
              }}
            />
          ) : null}
          {officer && !box.active ? (
            <InfoMessage>
              <span id="box-taken-down-note">{t('boxes.taken_down_note')}</span>
            </InfoMessage>
          ) : null}
          {officer ? (
            <BoxEditForm
              key={`${box.id}-${box.place}-${box.active}`}
              box={box}
              onDone={(_updated, confirmation) => changed(confirmation)}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
