// Where a unit came from and where it went: the units merged into it (xã Tân Trào was
// formed from Kim Quan, Trung Yên and the old Tân Trào) and, for an ended unit, the units
// it went into, the main one marked as where its records roll up.
import { Link } from '../Link';
import { formatDate, unitLabel } from '../../lib/format';
import type { UnitMergeLink } from '../../lib/schema';
import { useI18n } from '../../lib/use-i18n';

function LinkList({ id, title, links }: { id: string; title: string; links: UnitMergeLink[] }) {
  const { t } = useI18n();
  if (links.length === 0) return null;
  return (
    <>
      <h3 id={`${id}-heading`}>{title}</h3>
      <ul id={id} aria-labelledby={`${id}-heading`}>
        {links.map((link) => (
          <li key={link.id}>
            {link.linked ? <Link href={`/units/${link.id}`}>{unitLabel(link)}</Link> : unitLabel(link)}{' '}
            <span class="muted">
              {link.code} · {formatDate(link.date)}
              {link.part ? ` · ${link.part}` : ''}
              {links.length > 1 && link.main ? ` · ${t('units.lineage_main')}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

export function UnitLineage({
  formedFrom,
  successors,
}: {
  formedFrom: UnitMergeLink[];
  successors: UnitMergeLink[];
}) {
  const { t } = useI18n();
  return (
    <>
      <LinkList id="unit-formed-from" title={t('units.formed_from')} links={formedFrom} />
      <LinkList id="unit-successors" title={t('units.successors')} links={successors} />
    </>
  );
}
