import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMUNE, treeUnit } from '../../test/fixtures';
import { click, jsonResponse, pickUnit, renderWithApp, settle, TEST_USER, type } from '../../test/render';
import { CodeLink, LIST_PAGE_SIZE, type ListFilters, ListPage, listQuery, listUrl, readListFilters } from '.';

const OWN = { state: ['open', 'closed'], mine: ['1'] } as const;

interface Thing {
  id: number;
  code: string;
  demo: boolean;
}

const village = (id: number, name: string) => ({ ...treeUnit(id, 'residential_area', name), designation: 'thôn', parent_id: 12 });
const TREE = { roots: [{ ...COMMUNE, children: [village(20, 'Khuôn Điển')] }] };

const THINGS: Thing[] = [
  { id: 1, code: 'T-001', demo: false },
  { id: 2, code: 'T-002', demo: true },
];

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
  document.title = '';
  window.history.replaceState(null, '', '/');
});

describe('readListFilters, listUrl and listQuery', () => {
  it('read the unit, the words, the page and the own filters back from the address they write', () => {
    const filters = readListFilters(new URLSearchParams('unit_id=20&q=khuon+dien&state=closed&mine=1&page=3'), OWN);
    expect(filters).toEqual({ unitId: 20, q: 'khuon dien', state: 'closed', mine: '1', page: 3 });
    expect(listUrl('/things', OWN, filters)).toBe('/things?unit_id=20&q=khuon+dien&state=closed&mine=1&page=3');
  });

  it('read what they do not know as not set, and write nothing for it', () => {
    const filters = readListFilters(new URLSearchParams('unit_id=x&state=lost&mine=yes&page=-2&other=1'), OWN);
    expect(filters).toEqual({ unitId: null, q: '', state: '', mine: '', page: 1 });
    expect(listUrl('/things', OWN, filters)).toBe('/things');
  });

  it('ask the server for the unit, the words, the page\'s own parameters, then the page', () => {
    const filters = readListFilters(new URLSearchParams('q=dinh&mine=1&page=2'), OWN);
    expect(Object.entries(listQuery(filters, { only_mine: filters.mine }))).toEqual([
      ['unit_id', ''],
      ['q', 'dinh'],
      ['only_mine', '1'],
      ['page', 2],
      ['page_size', LIST_PAGE_SIZE],
    ]);
  });
});

/** The server: only the tree (the list comes from the harness's `load`). */
const fakeServer = () =>
  vi.fn(async (url: string) =>
    url.startsWith('/api/v1/units/tree') ? jsonResponse(200, TREE) : jsonResponse(404, { type: '/problems/not-found', status: 404 }),
  );

function Harness({
  load,
  adds = true,
  things = THINGS,
}: {
  load: (filters: ListFilters<typeof OWN>) => void;
  adds?: boolean;
  things?: Thing[];
}) {
  return (
    <ListPage
      path="/things"
      id="things"
      messages="teams"
      countKey="teams.count"
      own={OWN}
      load={async (filters) => {
        load(filters);
        return { items: things, total: things.length === 0 ? 0 : 120 };
      }}
      fields={({ filters }) => <p id="things-field">{filters.state || 'any'}</p>}
      besideSearch={({ filters, set }) => (
        <button type="button" id="things-mine" onClick={() => set({ mine: filters.mine ? '' : '1' })}>
          mine
        </button>
      )}
      columns={['Mã', 'Trạng thái']}
      row={(thing: Thing) => (
        <tr key={thing.id} data-thing-id={thing.id}>
          <td data-label="Mã">
            <CodeLink href={`/things/${thing.id}`} code={thing.code} demo={thing.demo} />
          </td>
          <td data-label="Trạng thái">—</td>
        </tr>
      )}
      add={
        adds
          ? {
              id: 'thing-add',
              form: ({ done, roots }) => (
                <button type="button" id="thing-save" data-roots={roots.length} onClick={() => done('Đã thêm T-003.')}>
                  save
                </button>
              ),
            }
          : undefined
      }
      actions={<a href="/things/report" id="things-report">report</a>}
      after={({ filters, say }) => (
        <button type="button" id="things-after" data-unit={String(filters.unitId)} onClick={() => say('Đã nhập.')}>
          after
        </button>
      )}
    />
  );
}

async function open(search: string, props: Partial<Parameters<typeof Harness>[0]> = {}) {
  window.history.replaceState(null, '', `/things${search}`);
  vi.stubGlobal('fetch', fakeServer());
  const load = vi.fn();
  const rendered = renderWithApp(<Harness load={load} {...props} />, { session: { user: TEST_USER } });
  await settle();
  return { ...rendered, load };
}

describe('ListPage', () => {
  it('titles the page from its messages, asks for the list with the address\'s filters and shows it', async () => {
    const { container, load } = await open('?state=open&page=2');
    expect(container.querySelector('h1')?.textContent).toBe('Tổ bảo vệ an ninh, trật tự');
    expect(document.title).toBe('Tổ bảo vệ an ninh, trật tự — antq');
    expect(load).toHaveBeenLastCalledWith({ unitId: null, q: '', state: 'open', mine: '', page: 2 });
    expect(container.querySelector('section')?.getAttribute('aria-labelledby')).toBe('things-heading');
    expect(container.querySelector('#things-heading')?.textContent).toBe('Danh sách tổ bảo vệ ANTT');
    const form = container.querySelector('form[role="search"]');
    expect(form?.getAttribute('aria-label')).toBe('Lọc tổ bảo vệ ANTT');
    // The unit first, then the page's fields, then the words with what goes beside them.
    const cells = Array.from(form?.children ?? []);
    expect(cells[0]?.querySelector('#things-unit')).not.toBeNull();
    expect(cells[1]?.id).toBe('things-field');
    expect(Array.from(cells[2]?.querySelectorAll('input, button') ?? []).map((e) => e.id || e.getAttribute('type'))).toEqual([
      'things-q',
      'things-mine',
      'submit',
    ]);
    expect(container.querySelector('#things-count')?.textContent).toBe('120 tổ');
    expect(container.querySelector('#things-empty')).toBeNull();
    const table = container.querySelector('table#things-table');
    expect(table?.getAttribute('aria-labelledby')).toBe('things-heading');
    expect(Array.from(table?.querySelectorAll('tbody td[data-label="Mã"]') ?? []).map((td) => td.textContent)).toEqual(['T-001', 'T-002 (minh họa)']);
    expect(table?.querySelector('a')?.getAttribute('href')).toBe('/things/1');
    expect(container.textContent).toContain('Trang 2/3 · 120 mục');
    expect(LIST_PAGE_SIZE).toBe(50);
  });

  it('keeps a change of filter in the address, back on the first page, and asks again', async () => {
    const { container, load } = await open('?state=open&page=2');
    click(container.querySelector('#things-mine'));
    await settle();
    expect(window.location.search).toBe('?state=open&mine=1');
    type(container.querySelector('#things-q'), '  khuon  ');
    click(container.querySelector('form[role="search"] button[type="submit"]'));
    await settle();
    expect(window.location.search).toBe('?q=khuon&state=open&mine=1');
    pickUnit(container.querySelector('#things-unit'), 'khuon', 20);
    await settle();
    expect(window.location.search).toBe('?unit_id=20&q=khuon&state=open&mine=1');
    expect(load).toHaveBeenLastCalledWith({ unitId: 20, q: 'khuon', state: 'open', mine: '1', page: 1 });
    expect(container.querySelector('#things-after')?.getAttribute('data-unit')).toBe('20');
    // The pager moves on, a new entry in the history.
    const next = Array.from(container.querySelectorAll('nav button')).at(-1) ?? null;
    click(next);
    await settle();
    expect(window.location.search).toBe('?unit_id=20&q=khuon&state=open&mine=1&page=2');
  });

  it('says the list is empty, and that nothing matches once filtered', async () => {
    const plain = await open('', { things: [] });
    expect(plain.container.querySelector('#things-empty')?.textContent).toBe('Chưa có tổ bảo vệ ANTT nào.');
    expect(plain.container.querySelector('#things-table')).toBeNull();
    expect(plain.container.querySelector('nav')).toBeNull();
    plain.unmount();
    const filtered = await open('?mine=1', { things: [] });
    expect(filtered.container.querySelector('#things-empty')?.textContent).toBe('Không có tổ nào khớp với bộ lọc.');
  });

  it('opens the form adding one in its slot, and once it is done says so, closes it and asks again', async () => {
    const { container, load } = await open('');
    const toggle = container.querySelector('#thing-add-toggle');
    expect(toggle?.textContent).toBe('Thành lập tổ bảo vệ ANTT');
    expect(toggle?.getAttribute('aria-controls')).toBe('thing-add');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    expect(toggle?.parentElement?.querySelector('#things-report')).not.toBeNull();
    expect(container.querySelector('#thing-add')?.childElementCount).toBe(0);
    click(toggle);
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    expect(container.querySelector('#thing-add #thing-save')?.getAttribute('data-roots')).toBe('1');
    const asked = load.mock.calls.length;
    click(container.querySelector('#thing-save'));
    await settle();
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Đã thêm T-003.');
    expect(container.querySelector('#thing-save')).toBeNull();
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    expect(load.mock.calls.length).toBe(asked + 1);
    click(container.querySelector('#things-after'));
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Đã nhập.');
  });

  it('leaves out the toggle and its slot for those who may not add, the other actions staying', async () => {
    const { container } = await open('', { adds: false });
    expect(container.querySelector('#thing-add-toggle')).toBeNull();
    expect(container.querySelector('#thing-add')).toBeNull();
    expect(container.querySelector('p.actions #things-report')).not.toBeNull();
  });
});
