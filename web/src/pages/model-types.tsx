import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { PageProps } from '../app';
import { CardTable } from '../components/CardTable';
import { BackLink } from '../components/Link';
import { LoadStatus } from '../components/LoadStatus';
import { TypeForm } from '../components/ModelForms';
import { AlertMessage, StatusMessage } from '../components/Notice';
import { Toggle, ToggleSlot } from '../components/Toggle';
import { models } from '../lib/api';
import { can } from '../lib/capabilities';
import { formatNumber } from '../lib/format';
import { typeKindLabel } from '../lib/models';
import type { ModelType } from '../lib/schema';
import { useAsync } from '../lib/use-async';
import { useI18n } from '../lib/use-i18n';
import { useUser } from '../lib/use-session';
import { useTitle } from '../lib/use-title';
import styles from './fire.module.css';

/** Which form is open: "new", or "type-8" for the type changed. */
type Open = string | null;

/**
 * /models/types: the types of self-management models, the seven built in (four counted
 * automatically from other records) and those administrators added; administrators add
 * and change them (a built-in type keeps its code, name and kind).
 */
export function ModelTypesPage(_: PageProps) {
  const { t } = useI18n();
  useTitle(t('model_types.title'));
  const user = useUser();
  const writes = can(user, 'models.types');
  const list = useAsync((signal) => models.types(signal), []);
  const [open, setOpen] = useState<Open>(null);
  const [status, setStatus] = useState('');
  const [stale, setStale] = useState(false);
  const done = (confirmation: string) => {
    setStatus(confirmation);
    setStale(false);
    setOpen(null);
    list.reload();
  };
  const onStale = () => {
    setStatus('');
    setStale(true);
    setOpen(null);
    list.reload();
  };
  const close = () => setOpen(null);
  const items = list.data?.items ?? [];
  const editing = items.find((type) => open === `type-${type.id}`);
  const cells = (type: ModelType): [string, ComponentChildren][] => [
    [t('model_types.code'), <strong key="code">{type.code}</strong>],
    [
      t('model_types.name'),
      <>
        {type.name}
        {type.description ? <span class={`muted ${styles.block}`}>{type.description}</span> : null}
      </>,
    ],
    [t('model_types.kind'), typeKindLabel(t, type)],
    [t('model_types.builtin'), type.builtin ? t('model_types.builtin_yes') : t('model_types.builtin_no')],
    [t('model_types.state'), type.active ? t('model_types.active_yes') : t('model_types.active_no')],
    [t('model_types.sort'), formatNumber(type.sort)],
    ...(writes
      ? [
          [
            t('model_types.actions'),
            <Toggle key="edit" id={`model-type-${type.id}-edit`} controls="model-type-edit-slot" open={open === `type-${type.id}`} label={t('common.edit')} about={type.name} onOpen={(o) => setOpen(o ? `type-${type.id}` : null)} />,
          ] as [string, ComponentChildren],
        ]
      : []),
  ];
  const first = items[0];
  const columns = first ? cells(first).map(([label]) => label) : [];

  return (
    <>
      <BackLink href="/models" label={t('models.back_counts')} />
      <h1>{t('model_types.title')}</h1>
      <p>{t('model_types.intro')}</p>
      <StatusMessage>{status}</StatusMessage>
      {stale ? <AlertMessage title={t('model_types.stale')} /> : null}
      {writes ? (
        <ToggleSlot id="model-type-add" slot="model-type-new-slot" open={open === 'new'} label={t('model_types.add')} onOpen={(o) => setOpen(o ? 'new' : null)}>
          <TypeForm onDone={done} onStale={onStale} onCancel={close} />
        </ToggleSlot>
      ) : null}
      <div id="model-type-edit-slot">
        {editing ? <TypeForm key={`${editing.id}-${editing.version}`} type={editing} onDone={done} onStale={onStale} onCancel={close} /> : null}
      </div>
      <section aria-labelledby="model-types-heading">
        <h2 id="model-types-heading">{t('model_types.list')}</h2>
        <LoadStatus state={list} />
        {items.length > 0 ? (
          <CardTable id="model-types-table" labelledBy="model-types-heading" busy={list.loading} columns={columns}>
            {items.map((type) => (
              <tr key={type.id} data-type-id={type.id} data-automatic={type.automatic ? 'true' : 'false'}>
                {cells(type).map(([label, content]) => (
                  <td key={label} data-label={label}>
                    {content}
                  </td>
                ))}
              </tr>
            ))}
          </CardTable>
        ) : null}
      </section>
    </>
  );
}
