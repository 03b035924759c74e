// #models-table: a row per model type, a column per child unit holding a site and the
// total; each cell "sites / teams" (said in words to screen readers: "2 điểm mô hình, 3
// tổ"), with the sites begun in the period marked.
import { CardTable } from '../CardTable';
import styles from './style.module.css';
import { formatNumber } from '../../lib/format';
import type { CountCell, CountsTable } from '../../lib/models';
import { useI18n } from '../../lib/use-i18n';

function Cell({ cell, total }: { cell: CountCell; total?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <span class={total ? `${styles.cell} ${styles.total}` : styles.cell}>
        <span aria-hidden="true">
          {formatNumber(cell.sites)} / {formatNumber(cell.teams)}
        </span>
        <span class="visually-hidden">{t('models.cell', { sites: formatNumber(cell.sites), teams: formatNumber(cell.teams) })}</span>
      </span>
      {cell.newSites > 0 ? <span class={styles.new}>{t('models.new_sites', { count: formatNumber(cell.newSites) })}</span> : null}
    </>
  );
}

export function CountsGrid({ table, labelledBy, busy }: { table: CountsTable; labelledBy: string; busy: boolean }) {
  const { t } = useI18n();
  const columns = [t('models.type'), ...table.children.map((c) => c.name), t('models.total')];
  return (
    <CardTable id="models-table" labelledBy={labelledBy} busy={busy} columns={columns}>
      {table.rows.map((row) => (
        <tr key={row.type.id} data-type-id={row.type.id} data-type-code={row.type.code}>
          <td data-label={columns[0]}>
            {row.type.name}
            {row.type.automatic ? <span class="muted"> ({t('models.automatic')})</span> : null}
          </td>
          {row.cells.map((cell, i) => (
            <td key={table.children[i]?.id} data-label={columns[i + 1]} data-unit-id={table.children[i]?.id}>
              <Cell cell={cell} />
            </td>
          ))}
          <td data-label={columns[columns.length - 1]} data-total="true">
            <Cell cell={row.total} total />
          </td>
        </tr>
      ))}
    </CardTable>
  );
}
