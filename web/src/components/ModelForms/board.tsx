// #model-board-form: a site's steering board (ban chỉ đạo), typed in printed order and sent
// whole with the site's version (a 409 reloads the site and says so). One head at most.
import { useState } from 'preact/hooks';
import { RowsEditor } from './rows';
import { SelectField, TextField } from '../Field';
import { ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { ApiError, models } from '../../lib/api';
import { BOARD_ROLES } from '../../lib/enums';
import { fieldErrors } from '../../lib/i18n';
import { boardRoleLabel, filledRows, listErrors, type Row } from '../../lib/models';
import type { ModelBoardRole, ModelSiteDetail } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';

type Key = 'full_name' | 'title' | 'role';
const KEYS: readonly Key[] = ['full_name', 'title'];
/** The most members the server takes. */
const MAX_BOARD = 30;

const blank = (): Row<Key> => ({ full_name: '', title: '', role: 'member' });

export function BoardForm({
  site,
  onDone,
  onStale,
  onCancel,
}: {
  site: ModelSiteDetail;
  onDone: (confirmation: string) => void;
  onStale: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [rows, setRows] = useState<Row<Key>[]>(() =>
    site.board.length > 0 ? site.board.map((m) => ({ full_name: m.full_name, title: m.title, role: m.role })) : [blank()],
  );
  const { error, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const id = 'model-board-form';
  const fields = {
    members: t('models.board'),
    'members.full_name': t('models.member_name'),
    'members.title': t('models.board_title_field'),
    'members.role': t('models.board_role'),
    version: t('models.version'),
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const members = filledRows(rows, KEYS).map((r) => ({ full_name: r.full_name.trim(), title: r.title.trim(), role: r.role as ModelBoardRole }));
    void run(async () => {
      try {
        await models.setBoard(site.id, { version: site.version, members });
        onDone(t('models.board_saved', { count: members.length }));
      } catch (caught) {
        if (caught instanceof ApiError && caught.status === 409) {
          onStale();
          return;
        }
        throw caught;
      }
    });
  };

  return (
    <form class="panel" id={id} noValidate onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('models.board_edit_title')}</h3>
      <ErrorMessage error={error} fields={fields} />
      <RowsEditor
        id={`${id}-members`}
        legend={t('models.board')}
        hint={t('models.board_hint')}
        rows={rows}
        onRows={setRows}
        blank={blank}
        max={MAX_BOARD}
        addLabel={t('models.board_add')}
        rowLabel={(i) => t('models.board_row', { n: i + 1 })}
        error={listErrors(fe, 'members', fields)}
      >
        {(row, i, set) => (
          <>
            <TextField id={`${id}-${i}-name`} label={fields['members.full_name']} required maxLength={200} value={row.full_name} onValue={(v) => set('full_name', v)} autocomplete="off" />
            <TextField id={`${id}-${i}-title`} label={fields['members.title']} maxLength={200} value={row.title} onValue={(v) => set('title', v)} autocomplete="off" />
            <SelectField
              id={`${id}-${i}-role`}
              label={fields['members.role']}
              required
              value={row.role}
              onValue={(v) => set('role', v)}
              options={BOARD_ROLES.map((r) => ({ value: r, label: boardRoleLabel(t, r) }))}
            />
          </>
        )}
      </RowsEditor>
      <SubmitActions busy={busy} label={t('models.board_submit')}>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </SubmitActions>
    </form>
  );
}
