// The dashboard's camera panel: how many cameras are faulty, due for a check, or due to
// be confirmed again by their owners, each linking to the list of them.
import { Link } from '../Link';
import { LoadStatus } from '../LoadStatus';
import { cameras } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { useI18n } from '../../lib/use-i18n';

export function CameraMaintenance() {
  const { t } = useI18n();
  const counts = useAsync((signal) => cameras.maintenance(signal), []);
  const rows = counts.data
    ? ([
        ['faulty', t('cameras.due_faulty'), counts.data.faulty, '/cameras?status=faulty'],
        ['check', t('cameras.due_check'), counts.data.check_due, '/cameras?due=check'],
        ['reconfirm', t('cameras.due_reconfirm'), counts.data.reconfirm_due, '/cameras?due=reconfirm'],
      ] as const)
    : [];
  return (
    <section class="panel" aria-labelledby="camera-maintenance-heading">
      <h2 id="camera-maintenance-heading">{t('cameras.maintenance_title')}</h2>
      <LoadStatus state={counts} />
      {counts.data ? (
        <dl class="facts" id="camera-maintenance">
          {rows.map(([key, label, count, href]) => (
            <div key={key} data-due={key}>
              <dt>{label}</dt>
              <dd>
                <Link href={href}>{formatNumber(count)}</Link>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  );
}
