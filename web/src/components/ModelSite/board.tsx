// #model-board: the site's steering board in printed order, and its editor.
import { CardTable } from '../CardTable';
import { BoardForm } from '../ModelForms';
import { ToggleSlot } from '../Toggle';
import { formatNumber } from '../../lib/format';
import { boardRoleLabel } from '../../lib/models';
import { useI18n } from '../../lib/use-i18n';
import type { SectionProps } from './section';

export function BoardSection({ site, keeps, open, setOpen, onDone, onStale }: SectionProps) {
  const { t } = useI18n();
  const columns = [t('models.row_number'), t('models.member_name'), t('models.board_title_field'), t('models.board_role')];
  return (
    <section aria-labelledby="model-board-heading" id="model-board">
      <h2 id="model-board-heading">{t('models.board')}</h2>
      {site.board.length === 0 ? <p id="model-board-none">{t('models.board_none')}</p> : null}
      {site.board.length > 0 ? (
        <CardTable id="model-board-table" labelledBy="model-board-heading" columns={columns}>
          {site.board.map((m, i) => (
            <tr key={m.id} data-member-id={m.id}>
              <td data-label={columns[0]}>{formatNumber(i + 1)}</td>
              <td data-label={columns[1]}>{m.full_name}</td>
              <td data-label={columns[2]}>{m.title || '—'}</td>
              <td data-label={columns[3]}>{boardRoleLabel(t, m.role)}</td>
            </tr>
          ))}
        </CardTable>
      ) : null}
      {keeps ? (
        <ToggleSlot id="model-board-toggle" slot="model-board-slot" open={open === 'board'} label={t('models.board_edit')} onOpen={(o) => setOpen(o ? 'board' : null)}>
          <BoardForm site={site} onDone={onDone} onStale={onStale} onCancel={() => setOpen(null)} />
        </ToggleSlot>
      ) : null}
    </section>
  );
}
