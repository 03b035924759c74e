import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnitDirectorySearch } from '.';
import type { UnitDirectoryEntry } from '../../lib/schema';
import { directoryUnit as unit } from '../../test/fixtures';
import { afterSearchPause, click, jsonResponse, press, renderWithApp, settle, type } from '../../test/render';

const KIEN_THIET = unit({ id: 451, code: '02548', name: 'Kiến Thiết', kind: 'commune', designation: 'xã', parent_id: 2, within: ['Tuyên Quang'] });
const TAN_TRAO = unit({ id: 12, code: '02545', name: 'Tân Trào', kind: 'commune', designation: 'xã', parent_id: 2, within: ['Tuyên Quang'] });
const SCHOOL = unit({ id: 460, code: 'KT-TH', name: 'Trường Tiểu học Kiến Thiết', kind: 'school', designation: 'trường', parent_id: 451, within: ['Kiến Thiết', 'Tuyên Quang'] });
// A village of Kiến Thiết merged away on 30/06/2025: the server gives it with history=1 only.
const OLD_VILLAGE = unit({ id: 470, code: 'KT-T1', name: 'Thôn 1', kind: 'residential_area', designation: 'thôn', parent_id: 451, valid_to: '2025-06-30', active: false, within: ['Kiến Thiết', 'Tuyên Quang'] });

/** The directory: `items` in force, `ended` too with history=1. */
function fakeServer(items: UnitDirectoryEntry[], total = items.length, ended: UnitDirectoryEntry[] = []) {
  return vi.fn(async (url: string) => {
    if (url.startsWith('/api/v1/units/directory?')) {
      const all = new URL(url, 'http://x').searchParams.get('history') === '1' ? [...items, ...ended] : items;
      return jsonResponse(200, { items: all, total: total + (all.length - items.length) });
    }
    return jsonResponse(404, { type: '/problems/not-found', status: 404 });
  });
}

function open(fetchMock: ReturnType<typeof fakeServer>, onChoose = vi.fn()) {
  vi.stubGlobal('fetch', fetchMock);
  const onSubmit = vi.fn((event: Event) => event.preventDefault());
  const { container } = renderWithApp(
    <form onSubmit={onSubmit}>
      <UnitDirectorySearch
        id="find"
        label="Tìm đơn vị để thêm"
        taken={(id) => (id === 12 ? 'own' : undefined)}
        purpose="model_site"
        onChoose={onChoose}
      />
    </form>,
  );
  const input = container.querySelector('#find') as HTMLInputElement;
  return { container, input, onChoose, onSubmit };
}

const status = (container: Element) => container.querySelector('[role="status"]')?.textContent;
const selected = (container: Element) =>
  Array.from(container.querySelectorAll('#find-listbox [role="option"][aria-selected="true"]')).map((o) => o.getAttribute('data-unit-id'));
const options = (container: Element) =>
  Array.from(container.querySelectorAll('#find-listbox [role="option"]')).map((o) => [
    o.getAttribute('data-unit-id'),
    o.textContent,
    o.getAttribute('aria-disabled'),
  ]);

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('UnitDirectorySearch', () => {
  it('asks the server once typing pauses, with two letters at least, for the units a site may take, each with where it lies', async () => {
    const fetchMock = fakeServer([KIEN_THIET, TAN_TRAO, SCHOOL]);
    const { container, input } = open(fetchMock);
    expect(container.querySelector('label[for="find"]')?.textContent).toContain('Tìm đơn vị để thêm');
    expect(input.getAttribute('role')).toBe('combobox');
    type(input, 'k');
    await afterSearchPause();
    expect(fetchMock).not.toHaveBeenCalled();
    type(input, 'ki');
    type(input, 'kien thiet');
    expect(status(container)).toBe('Đang tìm…');
    await afterSearchPause();
    // Which kinds a site may take, the server says: nothing is filtered here.
    expect(fetchMock.mock.calls.map((call) => String(call[0]))).toEqual(['/api/v1/units/directory?q=kien+thiet&page_size=20&for=model_site']);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    // The site's own unit is shown but cannot be chosen.
    expect(options(container)).toEqual([
      ['451', 'Xã Kiến Thiết — Tuyên Quang, Xã · 02548', null],
      ['12', 'Xã Tân Trào — Tuyên Quang, Xã · 02545, · đơn vị chủ trì', 'true'],
      ['460', 'Trường Tiểu học Kiến Thiết — Kiến Thiết, Tuyên Quang, Trường học · KT-TH', null],
    ]);
    expect(status(container)).toBe('3 đơn vị khớp.');
  });

  it('chooses with the keyboard, skipping a unit taken, and empties the field for the next; Enter never sends the form', async () => {
    const { container, input, onChoose, onSubmit } = open(fakeServer([KIEN_THIET, TAN_TRAO, SCHOOL], 45));
    type(input, 'kiến thiết');
    expect(press(input, 'Enter')).toBe(false);
    await afterSearchPause();
    expect(status(container)).toBe('Đang hiện 3 trong 45 đơn vị khớp — gõ thêm để thu hẹp.');
    press(input, 'ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe('find-option-451');
    // The option under the keyboard is the selected one, and only it.
    expect(selected(container)).toEqual(['451']);
    press(input, 'ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe('find-option-460');
    expect(selected(container)).toEqual(['460']);
    press(input, 'ArrowUp');
    expect(input.getAttribute('aria-activedescendant')).toBe('find-option-451');
    expect(press(input, 'Enter')).toBe(false);
    expect(onChoose).toHaveBeenCalledWith(KIEN_THIET);
    expect(input.value).toBe('');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(status(container)).toBe('Đã thêm Xã Kiến Thiết.');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('does nothing for a click on a unit taken; Escape closes the list, then empties the field', async () => {
    const { container, input, onChoose } = open(fakeServer([TAN_TRAO]));
    type(input, 'tan trao');
    await afterSearchPause();
    click(container.querySelector('[data-unit-id="12"]'));
    expect(onChoose).not.toHaveBeenCalled();
    press(input, 'Escape');
    expect(container.querySelector('#find-listbox')?.hasAttribute('hidden')).toBe(true);
    expect(input.value).toBe('tan trao');
    press(input, 'Escape');
    expect(input.value).toBe('');
  });

  it('says when nothing matches and when the server cannot be asked', async () => {
    const { container, input } = open(fakeServer([]));
    type(input, 'khong co');
    await afterSearchPause();
    expect(container.querySelector('#find-note')?.textContent).toBe('Không có đơn vị nào khớp.');
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(503, { type: '/problems/overloaded', status: 503 })));
    type(input, 'khong co gi');
    await afterSearchPause();
    await settle();
    expect(container.querySelector('#find-note')?.textContent).toBe('Chưa tìm được, xin thử lại.');
  });

  it('asks for the units merged or dissolved too when the box is ticked, each ended one with its last day', async () => {
    const fetchMock = fakeServer([KIEN_THIET], 1, [OLD_VILLAGE]);
    const { container, input, onChoose } = open(fetchMock);
    const box = container.querySelector('#find-history') as HTMLInputElement;
    expect(container.querySelector('label[for="find-history"]')?.textContent).toBe('Gồm cả đơn vị đã sáp nhập, giải thể');
    expect(box.checked).toBe(false);
    type(input, 'kien thiet');
    await afterSearchPause();
    expect(options(container).map((o) => o[0])).toEqual(['451']);
    click(box);
    await settle();
    await settle();
    expect(String(fetchMock.mock.calls.at(-1)?.[0])).toBe('/api/v1/units/directory?q=kien+thiet&page_size=20&for=model_site&history=1');
    // Said though the list closed when the box took the focus.
    expect(status(container)).toBe('2 đơn vị khớp.');
    expect(options(container)).toEqual([
      ['451', 'Xã Kiến Thiết — Tuyên Quang, Xã · 02548', null],
      ['470', 'Thôn 1 — Kiến Thiết, Tuyên Quang, Thôn, tổ dân phố · KT-T1, · đến 30/06/2025', null],
    ]);
    click(container.querySelector('[data-unit-id="470"]'));
    expect(onChoose).toHaveBeenCalledWith(OLD_VILLAGE);
  });
});
