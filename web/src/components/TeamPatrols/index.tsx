// #patrols: a security team's patrol log of the last 90 days, newest first (the day, the
// shift, who went, what they found, the tips followed up), one map showing the route of the
// patrol chosen, and for those who patrol the form recording one, its route drawn by clicks
// on that same map.
import { useMemo, useState } from 'preact/hooks';
import { CardTable } from '../CardTable';
import { LoadStatus } from '../LoadStatus';
import { RouteMap } from '../RouteMap';
import { PatrolForm } from '../TeamForms';
import { teams } from '../../lib/api';
import { formatDate, formatNumber } from '../../lib/format';
import type { Patrol, SecurityTeamDetail } from '../../lib/schema';
import { drawablePoints, routeLine, routeOf, shiftLabel } from '../../lib/teams';
import { useAsync } from '../../lib/use-async';
import { useI18n } from '../../lib/use-i18n';

interface Props {
  team: SecurityTeamDetail;
  /** The user records patrols (officers and team members). */
  records: boolean;
  /** The patrol form is open (one form of the page at a time). */
  open: boolean;
  onOpen: (open: boolean) => void;
  onRecorded: (confirmation: string) => void;
}

export function TeamPatrols({ team, records, open, onOpen, onRecorded }: Props) {
  const { t } = useI18n();
  const patrols = useAsync((signal) => teams.patrols(team.id, {}, signal), [team.id]);
  const items = patrols.data?.items ?? [];
  const [selected, setSelected] = useState<string | null>(null);
  const [routeText, setRouteText] = useState('');
  const shown = items.find((p) => p.id === selected);
  const drawing = records && open;
  const route = useMemo(
    () => (drawing ? drawablePoints(routeOf(routeText)) : shown ? drawablePoints(shown.route) : []),
    [drawing, routeText, shown],
  );
  const names = (p: Patrol) =>
    p.member_ids.map((id) => team.member_list.find((m) => m.id === id)?.full_name ?? `#${id}`).join(', ');
  const columns = [t('teams.patrol_on'), t('teams.shift'), t('teams.patrol_members'), t('teams.findings'), t('teams.tip_refs'), t('teams.route')];

  return (
    <section aria-labelledby="patrols-heading" id="patrols">
      <h2 id="patrols-heading">{t('teams.patrols_title')}</h2>
      <LoadStatus state={patrols} />
      {patrols.data && items.length === 0 ? <p id="patrols-none">{t('teams.patrols_none')}</p> : null}
      {items.length > 0 ? (
        <CardTable id="patrols-table" labelledBy="patrols-heading" busy={patrols.loading} columns={columns}>
          {items.map((p) => (
            <tr key={p.id} data-patrol-id={p.id}>
              <td data-label={columns[0]}>{formatDate(p.patrol_on)}</td>
              <td data-label={columns[1]}>{shiftLabel(t, p.shift)}</td>
              <td data-label={columns[2]}>{names(p)}</td>
              <td data-label={columns[3]}>{p.findings || '—'}</td>
              <td data-label={columns[4]}>{p.tip_refs || '—'}</td>
              <td data-label={columns[5]}>
                {p.route.length === 0 ? (
                  <span class="muted">{t('teams.route_none_short')}</span>
                ) : (
                  <button
                    type="button"
                    class="secondary"
                    id={`patrol-${p.id}-show`}
                    aria-pressed={selected === p.id && !drawing ? 'true' : 'false'}
                    aria-controls="patrol-map-panel"
                    disabled={drawing}
                    onClick={() => setSelected(selected === p.id ? null : p.id)}
                  >
                    {t('teams.route_show', { count: formatNumber(p.route.length) })}
                    <span class="visually-hidden"> ({formatDate(p.patrol_on)}, {shiftLabel(t, p.shift)})</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </CardTable>
      ) : null}
      {records ? (
        <>
          <div class="actions">
            <button type="button" id="patrol-toggle" aria-expanded={open ? 'true' : 'false'} aria-controls="patrol-slot" onClick={() => onOpen(!open)}>
              {t('teams.patrol_open')}
            </button>
          </div>
          <div id="patrol-slot">
            {open ? (
              <PatrolForm
                team={team}
                routeText={routeText}
                onRouteText={setRouteText}
                onDone={(patrol, confirmation) => {
                  setRouteText('');
                  setSelected(patrol.route.length > 0 ? patrol.id : null);
                  patrols.reload();
                  onRecorded(confirmation);
                }}
                onCancel={() => {
                  setRouteText('');
                  onOpen(false);
                }}
              />
            ) : null}
          </div>
        </>
      ) : null}
      {/* Always there, so the route buttons name what they control. */}
      <div id="patrol-map-panel">
        {drawing || selected !== null ? (
          <>
            <h3 id="patrol-map-heading">{t('teams.map_title')}</h3>
            <p id="patrol-map-caption">
              {drawing
                ? t('teams.map_drawing')
                : shown
                  ? t('teams.map_showing', { date: formatDate(shown.patrol_on), shift: shiftLabel(t, shown.shift).toLocaleLowerCase('vi') })
                  : null}
            </p>
            <RouteMap
              id="patrol-map"
              unitId={team.commune_id}
              label={t('teams.map_label')}
              route={route}
              onPoint={drawing ? (lat, lon) => setRouteText((text) => (text.trim() ? `${text.trimEnd()}\n` : '') + routeLine(lat, lon)) : undefined}
            />
          </>
        ) : null}
      </div>
    </section>
  );
}
