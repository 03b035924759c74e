import { afterEach, describe, expect, it, vi } from 'vitest';
import { mailBox, treeUnit as unit } from '../../test/fixtures';
import {
  bodyOf,
  click,
  jsonResponse,
  offeredUnits,
  pickUnit,
  press,
  renderWithApp,
  settle,
  type,
  validationProblem,
} from '../../test/render';
import { BoxCreateForm, BoxEditForm, OpeningForm } from '.';

const TANTRAO = unit(12, 'commune', 'Tân Trào', [
  unit(7, 'residential_area', 'Khuôn Điển'),
  unit(15, 'school', 'Trường Tiểu học'),
]);

const BOX = mailBox({ village_id: 7, village_name: 'Khuôn Điển', place: 'Nhà văn hóa thôn' });

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('BoxCreateForm', () => {
  it('offers the villages of the commune, needs a place and confirms the new box', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(201, BOX));
    vi.stubGlobal('fetch', fetchMock);
    const onDone = vi.fn();
    const { container } = renderWithApp(<BoxCreateForm communes={[TANTRAO]} onDone={onDone} />);
    // One commune: already chosen; only its villages (not its school) are offered.
    expect(container.querySelector('#box-unit')?.getAttribute('data-value')).toBe('12');
    expect((container.querySelector('#box-unit') as HTMLInputElement).value).toBe('Tân Trào');
    const village = container.querySelector('#box-village');
    expect(village?.getAttribute('placeholder')).toBe('— Không gắn thôn —');
    press(village, 'ArrowDown');
    expect(offeredUnits(village)).toEqual([7]);
    click(container.querySelector('#box-form button[type="submit"]'));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(container.querySelector('#box-place-error')?.textContent).toBe('Bắt buộc nhập');
    pickUnit(village, 'khuon', 7);
    type(container.querySelector('#box-place'), ' Nhà văn hóa thôn ');
    click(container.querySelector('#box-form button[type="submit"]'));
    await settle();
    expect((fetchMock.mock.calls[0] as unknown[])[0]).toBe('/api/v1/mailbox/boxes');
    expect(bodyOf(fetchMock)).toEqual({ unit_id: 12, village_id: 7, place: 'Nhà văn hóa thôn' });
    expect(onDone.mock.calls[0]?.[1]).toBe('Đã thêm hòm thư ở Nhà văn hóa thôn.');
    expect((container.querySelector('#box-place') as HTMLInputElement).value).toBe('');
  });
});

describe('BoxEditForm', () => {
  it('renames the box and takes it down, confirming each', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(jsonResponse(200, { ...BOX, place: 'Cổng chợ' }))
      .mockResolvedValueOnce(jsonResponse(200, { ...BOX, active: false }));
    vi.stubGlobal('fetch', fetchMock);
    const onDone = vi.fn();
    const { container } = renderWithApp(<BoxEditForm box={BOX} onDone={onDone} />);
    type(container.querySelector('#box-rename-place'), 'Cổng chợ');
    click(container.querySelector('#box-rename-form button[type="submit"]'));
    await settle();
    expect(bodyOf(fetchMock)).toEqual({ place: 'Cổng chợ' });
    expect(onDone.mock.calls[0]?.[1]).toBe('Đã đổi nơi đặt hòm thành “Cổng chợ”.');
    click(container.querySelector('#box-take-down'));
    await settle();
    expect((fetchMock.mock.calls[1] as unknown[])[1]).toMatchObject({ method: 'PATCH' });
    expect(bodyOf(fetchMock, 1)).toEqual({ active: false });
    expect(onDone.mock.calls[1]?.[1]).toBe('Đã gỡ hòm thư ở Nhà văn hóa thôn.');
  });

  it('puts a box taken down back', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(200, BOX));
    vi.stubGlobal('fetch', fetchMock);
    const onDone = vi.fn();
    const { container } = renderWithApp(
      <BoxEditForm box={{ ...BOX, active: false }} onDone={onDone} />,
      { locale: 'en' },
    );
    expect(container.querySelector('#box-take-down')).toBeNull();
    click(container.querySelector('#box-put-back'));
    await settle();
    expect(bodyOf(fetchMock)).toEqual({ active: true });
    expect(onDone.mock.calls[0]?.[1]).toBe('The mailbox at Nhà văn hóa thôn is back in place.');
  });
});

describe('OpeningForm', () => {
  const NOW = Date.parse('2026-11-28T02:30:00Z');

  it('starts at now in Vietnam time with two people, adds and removes people', () => {
    const { container } = renderWithApp(
      <OpeningForm boxId={3} onDone={() => undefined} now={NOW} />,
    );
    expect((container.querySelector('#opening-at') as HTMLInputElement).value).toBe(
      '2026-11-28T09:30',
    );
    expect((container.querySelector('#opening-at') as HTMLInputElement).type).toBe(
      'datetime-local',
    );
    // Whatever the browser shows in the picker, the time is also said as dd/mm/yyyy.
    expect(container.querySelector('#opening-at-chosen')?.textContent).toBe(
      'Đang chọn: 28/11/2026 09:30.',
    );
    expect(container.querySelectorAll('[data-person]')).toHaveLength(2);
    // At two people, nobody can be removed.
    expect(container.querySelector('[data-person] button')).toBeNull();
    click(container.querySelector('#add-person'));
    expect(container.querySelectorAll('[data-person]')).toHaveLength(3);
    expect(container.querySelector('label[for="person-2-name"]')?.textContent).toContain(
      'Họ và tên người thứ 3',
    );
    click(container.querySelector('[data-person="2"] button'));
    expect(container.querySelectorAll('[data-person]')).toHaveLength(2);
  });

  it('checks the opening, sends it and confirms it in words', async () => {
    const fetchMock = vi.fn(async () =>
      jsonResponse(201, {
        id: 5,
        box_id: 3,
        box_place: 'Nhà văn hóa thôn',
        unit_id: 12,
        opened_at: '2026-11-28T02:00:00Z',
        people: [],
        letters: 1,
        registered: 0,
        number: '07/BB-CAX',
        notes: '',
        recorded_by: 'officer.tantrao',
        created_at: '2026-11-28T02:30:00Z',
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const onDone = vi.fn();
    const { container } = renderWithApp(<OpeningForm boxId={3} onDone={onDone} now={NOW} />);
    click(container.querySelector('#opening-form button[type="submit"]'));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(container.querySelector('#person-0-name-error')?.textContent).toBe('Bắt buộc nhập');
    expect(container.querySelector('#opening-letters-error')?.textContent).toBe('Bắt buộc nhập');
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      'Chức vụ người thứ 2: Bắt buộc nhập',
    );
    type(container.querySelector('#opening-at'), '2026-11-28T09:00');
    type(container.querySelector('#person-0-name'), 'Nguyễn Văn An');
    type(container.querySelector('#person-0-position'), 'Trưởng Công an xã');
    type(container.querySelector('#person-1-name'), ' Hoàng Thị Dung ');
    type(container.querySelector('#person-1-position'), 'Trưởng thôn');
    type(container.querySelector('#opening-letters'), '1');
    type(container.querySelector('#opening-number'), '07/BB-CAX');
    click(container.querySelector('#opening-form button[type="submit"]'));
    await settle();
    expect((fetchMock.mock.calls[0] as unknown[])[0]).toBe('/api/v1/mailbox/boxes/3/openings');
    expect(bodyOf(fetchMock)).toEqual({
      opened_at: '2026-11-28T09:00',
      people: [
        { name: 'Nguyễn Văn An', position: 'Trưởng Công an xã' },
        { name: 'Hoàng Thị Dung', position: 'Trưởng thôn' },
      ],
      letters: 1,
      number: '07/BB-CAX',
    });
    expect(onDone.mock.calls[0]?.[1]).toBe('Đã ghi lần mở hòm lúc 28/11/2026 09:00: 1 thư.');
    expect((container.querySelector('#person-0-name') as HTMLInputElement).value).toBe('');
  });

  it('shows the server’s errors on the people they concern', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        validationProblem([
          { field: 'opened_at', code: 'in_future', message: 'Thời điểm ở tương lai' },
          { field: 'people[1].name', code: 'too_long', message: 'Quá dài' },
        ]),
      ),
    );
    const { container } = renderWithApp(
      <OpeningForm boxId={3} onDone={() => undefined} now={NOW} />,
    );
    for (const [id, value] of [
      ['#person-0-name', 'A'],
      ['#person-0-position', 'B'],
      ['#person-1-name', 'C'],
      ['#person-1-position', 'D'],
      ['#opening-letters', '0'],
    ] as const)
      type(container.querySelector(id), value);
    click(container.querySelector('#opening-form button[type="submit"]'));
    await settle();
    expect(container.querySelector('#opening-at-error')?.textContent).toBe('Thời điểm ở tương lai');
    expect(container.querySelector('#person-1-name-error')?.textContent).toBe('Quá dài');
    expect(container.querySelector('#person-1-name')?.getAttribute('aria-invalid')).toBe('true');
  });
});
