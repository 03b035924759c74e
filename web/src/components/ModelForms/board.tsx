// #model-board-form: a site's steering board (ban chỉ đạo), typed in printed order and sent
// whole with the site's version (a 409 reloads the site and says so). One head at most, as
// many members as the site's `limits.board`; a refusal of one member shows on its row.
import { useState } from 'preact/hooks';
import { RowsEditor } from './rows';
import { SelectField, TextField } from '../Field';
import { ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { ApiError, models } from '../../lib/api';
import { BOARD_ROLES } from '../../lib/enums';
import { fieldErrors } from '../../lib/i18n';
import { boardRoleLabel, filledIndexes, listErrors, type Row, rowErrors } from '../../lib/models';
import type { ModelBoardRole, ModelSiteDetail } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';

type Key = 'full_name' | 'title' | 'role';
const KEYS: readonly Key[] = ['full_name', 'title'];

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
  // Where the rows sent stood in the form, for the server's `index` of a refusal.
  const [sent, setSent] = useState<number[]>([]);
  const { error, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const byRow = rowErrors(t, error, 'members', sent);
  const rowLabel = (i: number) => t('models.board_row', { n: i + 1 });
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
    const filled = filledIndexes(rows, KEYS);
    setSent(filled);
    const members = filled.map((i) => rows[i] as Row<Key>).map((r) => ({ full_name: r.full_name.trim(), title: r.title.trim(), role: r.role as ModelBoardRole }));
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
      <ErrorMessage error={error} fields={fields} rowLabel={(e) => (e.index !== undefined && sent[e.index] !== undefined ? rowLabel(sent[e.index] as number) : undefined)} />
      <RowsEditor
        id={`${id}-members`}
        legend={t('models.board')}
        hint={t('models.board_hint')}
        rows={rows}
        onRows={setRows}
        blank={blank}
        max={site.limits.board}
        addLabel={t('models.board_add')}
        rowLabel={rowLabel}
        rowInvalid={(i) => byRow.has(i)}
        error={listErrors(fe, 'members', fields)}
      >
        {(row, i, set) => (
          <>
            <TextField id={`${id}-${i}-name`} label={fields['members.full_name']} required maxLength={200} value={row.full_name} onValue={(v) => set('full_name', v)} error={byRow.get(i)?.full_name} autocomplete="off" />
            <TextField id={`${id}-${i}-title`} label={fields['members.title']} maxLength={200} value={row.title} onValue={(v) => set('title', v)} error={byRow.get(i)?.title} autocomplete="off" />
            <SelectField
              id={`${id}-${i}-role`}
              label={fields['members.role']}
              required
              value={row.role}
              onValue={(v) => set('role', v)}
              options={BOARD_ROLES.map((r) => ({ value: r, label: boardRoleLabel(t, r) }))}
              error={byRow.get(i)?.role}
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
