import { useState } from 'preact/hooks';
import type { PageProps } from '../app';
import { CardTable } from '../components/CardTable';
import { LinkButton, OutcomeForm } from '../components/FootageForms';
import { BackLink, Link } from '../components/Link';
import { LoadStatus } from '../components/LoadStatus';
import { ErrorMessage, StatusMessage } from '../components/Notice';
import { footage } from '../lib/api';
import { formatDate, formatDateTime } from '../lib/format';
import type { FootageRequest } from '../lib/schema';
import { useAction } from '../lib/use-action';
import { useAsync } from '../lib/use-async';
import { useI18n } from '../lib/use-i18n';
import { useTitle } from '../lib/use-title';

/** /footage: the footage requests of the officer's communes, newest first. */
export function FootageListPage(_: PageProps) {
  const { t } = useI18n();
  useTitle(t('footage.title'));
  const list = useAsync((signal) => footage.list(null, signal), []);
  const columns = [t('footage.number'), t('footage.created'), t('footage.window'), t('footage.case_ref'), t('footage.status')];
  return (
    <>
      <h1>{t('footage.title')}</h1>
      <p>{t('footage.intro')}</p>
      <LoadStatus state={list} />
      {list.data && list.data.items.length === 0 ? <p id="footage-empty">{t('footage.empty')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <CardTable id="footage-table" columns={columns}>
          {list.data.items.map((r) => (
            <tr key={r.id} data-status={r.status}>
              <td data-label={columns[0]}>
                <Link href={`/footage/${r.id}`}>{r.number}</Link>
              </td>
              <td data-label={columns[1]}>{formatDate(r.created_at.slice(0, 10))}</td>
              <td data-label={columns[2]}>
                {formatDateTime(r.from)} – {formatDateTime(r.to).slice(-5)}
              </td>
              <td data-label={columns[3]}>{r.case_ref}</td>
              <td data-label={columns[4]}>{r.status === 'open' ? t('footage.open') : t('footage.closed')}</td>
            </tr>
          ))}
        </CardTable>
      ) : null}
    </>
  );
}

function Tasks({ request, onChange }: { request: FootageRequest; onChange: (r: FootageRequest | null) => void }) {
  const { t } = useI18n();
  const columns = [t('footage.camera'), t('footage.deadline'), t('footage.task_status'), t('footage.link')];
  return (
    <CardTable id="footage-tasks" columns={columns}>
      {request.tasks.map((task) => (
        <tr key={task.id} data-task-id={task.id} data-status={task.status}>
          <td data-label={columns[0]}>
            {task.camera_id ? <Link href={`/cameras/${task.camera_id}`}>{task.camera_code}</Link> : task.camera_code}
            <br />
            <span class="muted">{task.camera_place}</span>
          </td>
          <td data-label={columns[1]}>{formatDateTime(task.deadline_at)}</td>
          <td data-label={columns[2]} class="task-status">
            {t.dynamic(`web.footage_status.${task.status}`, task.status)}
            {task.answered_by ? ` (${task.answered_by === 'owner' ? t('footage.answered_by_owner') : t('footage.answered_by_officer')})` : ''}
            {task.reference ? <div>{task.reference}</div> : null}
            {task.sha256 ? <div class="muted">SHA-256 {task.sha256}</div> : null}
          </td>
          <td data-label={columns[3]}>
            {task.status === 'pending' && request.status === 'open' ? (
              <>
                {task.link_active && task.link_expires_at ? (
                  <p class="muted">{t('footage.link_active', { date: formatDateTime(task.link_expires_at) })}</p>
                ) : null}
                <LinkButton task={task} onIssued={() => onChange(null)} />
                <details>
                  <summary>{t('footage.outcome')}</summary>
                  <OutcomeForm task={task} onDone={onChange} />
                </details>
              </>
            ) : null}
          </td>
        </tr>
      ))}
    </CardTable>
  );
}

/** /footage/:id: one request, its cameras with their deadlines, links and outcomes. */
export function FootagePage({ params }: PageProps) {
  const { t } = useI18n();
  const id = params.id !== undefined && /^\d+$/.test(params.id) ? Number(params.id) : null;
  const request = useAsync((signal) => (id === null ? Promise.reject(new Error('id')) : footage.get(id, signal)), [id]);
  const [status, setStatus] = useState('');
  const closing = useAction();
  const r = request.data;
  useTitle(r ? r.number : t('footage.title'));
  return (
    <>
      <BackLink href="/footage" label={t('footage.back')} />
      <h1>{r ? `${t('footage.title')} ${r.number}` : t('footage.title')}</h1>
      <StatusMessage>{status}</StatusMessage>
      <LoadStatus state={request} />
      {r ? (
        <>
          <dl class="facts" id="footage-facts">
            <dt>{t('footage.status')}</dt>
            <dd id="footage-status">{r.status === 'open' ? t('footage.open') : t('footage.closed')}</dd>
            <dt>{t('footage.window')}</dt>
            <dd>
              {formatDateTime(r.from)} – {formatDateTime(r.to)}
            </dd>
            <dt>{t('footage.reason')}</dt>
            <dd>{r.reason}</dd>
            <dt>{t('footage.case_ref')}</dt>
            <dd>{r.case_ref || '—'}</dd>
          </dl>
          <h2>{t('footage.tasks')}</h2>
          <Tasks
            request={r}
            onChange={(updated) => {
              if (!updated) return;
              setStatus('');
              request.reload();
            }}
          />
          {r.status === 'open' ? (
            <div>
              <ErrorMessage error={closing.error} />
              <button
                type="button"
                id="footage-close"
                disabled={closing.busy}
                onClick={() =>
                  void closing.run(async () => {
                    await footage.close(r.id);
                    setStatus(t('footage.closed'));
                    request.reload();
                  })
                }
              >
                {t('footage.close')}
              </button>
            </div>
          ) : null}
        </>
      ) : null}
    </>
  );
}
