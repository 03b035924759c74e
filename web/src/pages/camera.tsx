import { useMemo } from 'preact/hooks';
import type { PageProps } from '../app';
import { CardTable } from '../components/CardTable';
import { CameraForm, CheckForm, EraseForm, OwnerPanel, ReconfirmButton, StatusForm, WaitingPanel } from '../components/CameraForms';
import { DetailFrame, FactsPanel, recordId, useDetail } from '../components/DetailFrame';
import { BackLink, Link } from '../components/Link';
import { LoadStatus } from '../components/LoadStatus';
import { cameras, units } from '../lib/api';
import { communesOf } from '../lib/boxes';
import { cameraLabel, mountingText } from '../lib/cameras';
import { formatDate, formatDateTime, formatNumber } from '../lib/format';
import type { CameraDetail } from '../lib/schema';
import { navigate } from '../lib/router';
import { useAsync } from '../lib/use-async';
import { useI18n } from '../lib/use-i18n';
import { useUser } from '../lib/use-session';
import { useTitle } from '../lib/use-title';

function Facts({ camera }: { camera: CameraDetail }) {
  const { t } = useI18n();
  const yes = (value: boolean) => (value ? t('cameras.yes') : t('cameras.no'));
  const facts: [string, string][] = [
    [t('cameras.code'), camera.code],
    [t('cameras.unit'), camera.unit_name],
    [t('cameras.village'), camera.village_name || t('cameras.no_village')],
    [t('cameras.place'), camera.place],
    [t('cameras.point'), `${camera.lat}, ${camera.lon}`],
    [t('cameras.mounting'), mountingText(t, camera)],
    [t('cameras.status'), cameraLabel(t, 'status', camera.status)],
    [t('cameras.owner_kind'), cameraLabel(t, 'owner', camera.owner_kind)],
    [t('cameras.sharing'), cameraLabel(t, 'sharing', camera.sharing)],
    [t('cameras.commitment'), formatDate(camera.commitment_signed_on) || '—'],
    [t('cameras.retention'), t('cameras.retention_days', { days: formatNumber(camera.retention_days) })],
    [t('cameras.storage'), cameraLabel(t, 'storage', camera.storage)],
    [t('cameras.camera_type'), camera.camera_type || '—'],
    [t('cameras.resolution'), camera.resolution || '—'],
    [t('cameras.night_vision'), yes(camera.night_vision)],
    [t('cameras.funding'), cameraLabel(t, 'funding', camera.funding)],
    [t('cameras.cost'), camera.cost_vnd === null ? '—' : `${formatNumber(camera.cost_vnd)} đ`],
    [t('cameras.installed_on'), formatDate(camera.installed_on) || '—'],
    [t('cameras.reconfirm_due'), formatDate(camera.reconfirm_due) || '—'],
    [
      t('cameras.consent'),
      camera.consent
        ? t('cameras.consent_value', {
            channel: t(`cameras.consent_${camera.consent.channel}`),
            date: formatDateTime(camera.consent.given_at),
          })
        : '—',
    ],
    [t('cameras.last_check'), camera.last_check_at ? formatDateTime(camera.last_check_at) : t('cameras.never_checked')],
    [t('cameras.note'), camera.note || '—'],
  ];
  return <FactsPanel id="camera-facts" heading={t('cameras.detail_title', { code: camera.code })} facts={facts} />;
}

function History({ camera }: { camera: CameraDetail }) {
  const { t } = useI18n();
  const columns = [t('cameras.status'), t('cameras.since'), t('cameras.until'), t('cameras.reason')];
  const checkColumns = [t('cameras.checked_at'), t('cameras.result'), t('cameras.check_note'), t('cameras.checked_by')];
  return (
    <>
      <section aria-labelledby="camera-history-heading">
        <h2 id="camera-history-heading">{t('cameras.history')}</h2>
        <CardTable id="camera-history" labelledBy="camera-history-heading" columns={columns}>
          {[...camera.history].reverse().map((h) => (
            <tr key={h.since} data-status={h.status}>
              <td data-label={columns[0]}>{cameraLabel(t, 'status', h.status)}</td>
              <td data-label={columns[1]}>{formatDateTime(h.since)}</td>
              <td data-label={columns[2]}>{h.until ? formatDateTime(h.until) : t('cameras.now')}</td>
              <td data-label={columns[3]}>{h.reason}</td>
            </tr>
          ))}
        </CardTable>
      </section>
      <section aria-labelledby="camera-checks-heading">
        <h2 id="camera-checks-heading">{t('cameras.checks')}</h2>
        {camera.checks.length === 0 ? <p>{t('cameras.no_checks')}</p> : null}
        {camera.checks.length > 0 ? (
          <CardTable id="camera-checks" labelledBy="camera-checks-heading" columns={checkColumns}>
            {camera.checks.map((k) => (
              <tr key={k.id}>
                <td data-label={checkColumns[0]}>{formatDateTime(k.checked_at)}</td>
                <td data-label={checkColumns[1]}>{cameraLabel(t, 'check', k.result)}</td>
                <td data-label={checkColumns[2]}>{k.note}</td>
                <td data-label={checkColumns[3]}>{k.checked_by}</td>
              </tr>
            ))}
          </CardTable>
        ) : null}
      </section>
    </>
  );
}

/** /cameras/:id: one camera, its history and checks, and what the user may do to it. */
export function CameraPage({ params }: PageProps) {
  const { t } = useI18n();
  const user = useUser();
  const officer = user.role === 'officer';
  const manages = officer || user.role === 'admin';
  const detail = useDetail(params, cameras.get);
  const camera = detail.state.data;
  return (
    <DetailFrame
      back={{ href: '/cameras', label: t('cameras.back') }}
      title={camera ? t('cameras.detail_title', { code: camera.code }) : t('cameras.title')}
      detail={detail}
    >
      {(camera) => (
        <>
          {manages ? (
            <p>
              <Link href={`/cameras/${camera.id}/edit`} class="button" id="camera-edit-link">
                {t('cameras.edit')}
              </Link>
            </p>
          ) : null}
          <WaitingPanel camera={camera} canConfirm={officer} onDone={detail.changed} onStale={detail.state.reload} />
          <Facts camera={camera} />
          <History camera={camera} />
          <CheckForm camera={camera} onDone={detail.changed} />
          {manages ? <StatusForm camera={camera} onDone={detail.changed} /> : null}
          {manages ? <ReconfirmButton camera={camera} onDone={detail.changed} /> : null}
          {officer ? <OwnerPanel camera={camera} /> : null}
          {officer ? (
            <EraseForm
              detail={camera}
              onDone={(confirmation) => {
                detail.say(confirmation);
                navigate('/cameras');
              }}
            />
          ) : null}
        </>
      )}
    </DetailFrame>
  );
}

/** /cameras/new and /cameras/:id/edit: the camera form for the user's communes. */
export function CameraEditPage({ params }: PageProps) {
  const { t } = useI18n();
  const user = useUser();
  const id = recordId(params);
  const tree = useAsync((signal) => units.tree(false, signal), []);
  const existing = useAsync(
    (signal) => (id === null ? Promise.resolve(undefined) : cameras.get(id, signal)),
    [id],
  );
  const communes = useMemo(() => communesOf(tree.data?.roots ?? []), [tree.data]);
  const camera = existing.data;
  useTitle(camera ? t('cameras.edit_title', { code: camera.code }) : t('cameras.new_title'));
  const ready = tree.data && (id === null || camera);
  return (
    <>
      <BackLink href={camera ? `/cameras/${camera.id}` : '/cameras'} label={t('cameras.back')} />
      <h1>{camera ? t('cameras.edit_title', { code: camera.code }) : t('cameras.new_title')}</h1>
      <LoadStatus state={tree} />
      <LoadStatus state={existing} />
      {ready ? (
        <CameraForm
          communes={communes}
          {...(camera ? { camera } : {})}
          withOwner={user.role === 'officer'}
          onDone={(saved) => navigate(`/cameras/${saved.id}`)}
        />
      ) : null}
    </>
  );
}
