import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  bodyOf,
  click,
  jsonResponse,
  offeredUnits,
  pickUnit,
  renderWithApp,
  settle,
  type,
  validationProblem,
} from '../../test/render';
import type { Unit } from '../../lib/schema';
import { unitNode } from '../../test/fixtures';
import { indexUnits } from '../../lib/unit-index';
import { UnitCreateForm, UnitEditForm, UnitMergeForm } from '.';

const commune: Unit = unitNode({
  id: 4,
  code: '02512',
  name: 'Tân Trào',
  kind: 'commune',
  designation: 'xã',
  parent_id: 2,
  valid_from: '2025-07-01',
});

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

function submit(form: Element | null) {
  click(form?.querySelector('button[type="submit"]') ?? null);
}

describe('UnitForms', () => {
  it('offers the kinds the server says the user may add, the usual one first chosen', () => {
    const { container } = renderWithApp(
      <UnitCreateForm
        parent={commune}
        kinds={['residential_area', 'agency', 'enterprise', 'school']}
        onDone={() => undefined}
      />,
    );
    const options = Array.from(container.querySelectorAll('#new-unit-kind option'));
    expect(options.map((o) => o.getAttribute('value'))).toEqual([
      'residential_area',
      'agency',
      'enterprise',
      'school',
    ]);
    const select = container.querySelector<HTMLSelectElement>('#new-unit-kind');
    expect(select?.value).toBe('residential_area');
  });

  it('chooses the first kind offered when the usual child kind is not among them', () => {
    const { container } = renderWithApp(
      <UnitCreateForm parent={commune} kinds={['school']} onDone={() => undefined} />,
    );
    expect(container.querySelector<HTMLSelectElement>('#new-unit-kind')?.value).toBe('school');
  });

  it('shows the server field errors next to the fields', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => validationProblem([{ field: 'code', code: 'duplicate', message: '' }])),
    );
    const { container } = renderWithApp(
      <UnitCreateForm
        parent={commune}
        kinds={['commune', 'residential_area', 'school']}
        onDone={() => undefined}
      />,
    );
    type(container.querySelector('#new-unit-name'), 'Thôn 1');
    type(container.querySelector('#new-unit-code'), 'T1');
    submit(container.querySelector('form'));
    await settle();
    expect(container.querySelector('#new-unit-code-error')?.textContent).toBe('Đã tồn tại');
  });

  it('sends only the changed fields when editing, and confirms in words', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(200, { ...commune, note: 'mới' }));
    vi.stubGlobal('fetch', fetchMock);
    const onDone = vi.fn();
    const { container } = renderWithApp(<UnitEditForm unit={commune} onDone={onDone} />);
    type(container.querySelector('#edit-unit-note'), 'mới');
    submit(container.querySelector('form'));
    await settle();
    const init = (fetchMock.mock.calls[0] as unknown[])[1] as RequestInit;
    expect(init.method).toBe('PATCH');
    expect(init.body).toBe('{"note":"mới"}');
    expect(onDone).toHaveBeenCalledWith('Đã lưu thay đổi của đơn vị Xã Tân Trào.', 4);
  });

  it('moves a unit under another one, never under itself or what lies below it', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(200, { ...commune, parent_id: 3 }));
    vi.stubGlobal('fetch', fetchMock);
    const roots = [
      unitNode({
        id: 2,
        code: '08',
        name: 'Tuyên Quang',
        kind: 'province',
        designation: 'tỉnh',
        children: [
          {
            ...commune,
            children: [
              unitNode({ id: 9, code: 'T9', name: 'Tân Trào 2', kind: 'residential_area' }),
            ],
          },
          unitNode({ id: 3, code: '02509', name: 'Tân Thành', kind: 'commune', parent_id: 2 }),
        ],
      }),
    ];
    const onDone = vi.fn();
    const { container } = renderWithApp(
      <UnitEditForm unit={commune} roots={roots} parentName="Tuyên Quang" onDone={onDone} />,
    );
    const parent = container.querySelector('#edit-unit-parent');
    expect((parent as HTMLInputElement).value).toBe('Tỉnh Tuyên Quang');
    type(parent, 'tan');
    expect(offeredUnits(parent)).toEqual([3]);
    pickUnit(parent, 'tan thanh', 3);
    submit(container.querySelector('form'));
    await settle();
    expect(bodyOf(fetchMock)).toEqual({ parent_id: 3 });
  });

  it('refuses a date that does not exist before sending', () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<UnitEditForm unit={commune} onDone={() => undefined} />);
    type(container.querySelector('#edit-unit-valid-to'), '31/02/2026');
    submit(container.querySelector('form'));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(container.querySelector('#edit-unit-valid-to-error')?.textContent).toBe(
      'Ngày không hợp lệ',
    );
  });

  it('merges units named by code into the target with the typed date', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(200, commune));
    vi.stubGlobal('fetch', fetchMock);
    const roots = [
      { ...commune, children: [] },
      { ...commune, id: 3, code: '02509', name: 'Kim Quan', children: [] },
    ];
    const index = indexUnits(roots);
    const onDone = vi.fn();
    const { container } = renderWithApp(
      <UnitMergeForm index={index} roots={roots} selected={null} onDone={onDone} />,
    );
    type(container.querySelector('#merge-sources'), '02509');
    // A unit being merged is no target.
    type(container.querySelector('#merge-target'), '0250');
    expect(offeredUnits(container.querySelector('#merge-target'))).toEqual([]);
    pickUnit(container.querySelector('#merge-target'), '02512', 4);
    type(container.querySelector('#merge-date'), '01/07/2025');
    type(container.querySelector('#merge-basis'), 'Nghị quyết 1684/NQ-UBTVQH15');
    expect(container.querySelector('#merge-preview')?.textContent).toBe(
      'Sẽ sáp nhập Xã Kim Quan vào Xã Tân Trào.',
    );
    submit(container.querySelector('form'));
    await settle();
    const init = (fetchMock.mock.calls[0] as unknown[])[1] as RequestInit;
    expect(JSON.parse(String(init.body))).toEqual({
      source_ids: [3],
      target_id: 4,
      effective_date: '2025-07-01',
      basis: 'Nghị quyết 1684/NQ-UBTVQH15',
    });
    expect(onDone).toHaveBeenCalledWith('Đã sáp nhập 1 đơn vị vào Xã Tân Trào.', 4);
  });
});
