import styles from './style.module.css';
import { Link } from '../Link';
import { formatDate, unitLabel } from '../../lib/format';
import { useI18n } from '../../lib/use-i18n';
import type { Unit, UnitNode } from '../../lib/schema';

interface Props {
  roots: UnitNode[];
  selectedId: number | null;
  expanded: ReadonlySet<number>;
  onToggle: (id: number) => void;
  /** Name of a unit by id, for "(đã sáp nhập vào …)". */
  nameOf: (id: number) => string;
  label: string;
}

/** Why a unit is greyed out: "(đã sáp nhập vào X)" or "(hết hiệu lực 30/06/2025)"; "" if active. */
export function InactiveNote({ unit, nameOf }: { unit: Unit; nameOf: (id: number) => string }) {
  const { t } = useI18n();
  if (unit.active) return null;
  const text =
    unit.merged_into !== null
      ? t('units.merged_into', { name: nameOf(unit.merged_into) })
      : t('units.ended', { date: formatDate(unit.valid_to) });
  return <span class={styles.suffix}>{text}</span>;
}

/** The unit tree as nested lists; only expanded branches are rendered. */
export function UnitTree({ roots, selectedId, expanded, onToggle, nameOf, label }: Props) {
  return (
    <ul class={styles.tree} aria-label={label}>
      {roots.map((node) => (
        <TreeItem
          key={node.id}
          node={node}
          selectedId={selectedId}
          expanded={expanded}
          onToggle={onToggle}
          nameOf={nameOf}
        />
      ))}
    </ul>
  );
}

type ItemProps = Omit<Props, 'roots' | 'label'> & { node: UnitNode };

function TreeItem({ node, selectedId, expanded, onToggle, nameOf }: ItemProps) {
  const { t } = useI18n();
  const open = expanded.has(node.id);
  const hasChildren = node.children.length > 0;
  const label = unitLabel(node);
  return (
    <li class={node.active ? undefined : styles.inactive} data-unit-id={node.id}>
      <div class={styles.row}>
        {hasChildren ? (
          <button
            type="button"
            class={styles.toggle}
            aria-expanded={open ? 'true' : 'false'}
            aria-controls={open ? `unit-children-${node.id}` : undefined}
            onClick={() => onToggle(node.id)}
          >
            <span aria-hidden="true">{open ? '−' : '+'}</span>
            <span class="visually-hidden">
              {open ? t('units.collapse', { name: label }) : t('units.expand', { name: label })}
            </span>
          </button>
        ) : (
          <span class={styles.spacer} />
        )}
        <Link
          href={`/units/${node.id}`}
          class={styles.link}
          aria-current={node.id === selectedId ? 'page' : undefined}
        >
          {label}
        </Link>
        <span class={styles.code}>{node.code}</span>
        <InactiveNote unit={node} nameOf={nameOf} />
      </div>
      {hasChildren && open ? (
        <ul id={`unit-children-${node.id}`}>
          {node.children.map((child) => (
            <TreeItem
              key={child.id}
              node={child}
              selectedId={selectedId}
              expanded={expanded}
              onToggle={onToggle}
              nameOf={nameOf}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
