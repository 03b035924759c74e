import { afterEach, describe, expect, it, vi } from 'vitest';
import { CAMERA_TYPE, modelType, testUser } from '../test/fixtures';
import { bodyOf, click, jsonResponse, renderWithApp, settle, type } from '../test/render';
import { ModelTypesPage } from './model-types';

const ADMIN = testUser({ role: 'admin' });
const OFFICER = testUser({ id: 2, role: 'officer', unit_id: 12 });
const KENG = modelType({ id: 8, code: 'TKANNINH', name: 'Tiếng kẻng an ninh', description: '', linked: false, builtin: false, sort: 100 });

function fakeServer() {
  return vi.fn(async (url: string, init: RequestInit = {}) => {
    if (url === '/api/v1/community/model-types' && (init.method ?? 'GET') === 'GET') return jsonResponse(200, { items: [modelType(), CAMERA_TYPE, KENG] });
    if (url.startsWith('/api/v1/community/model-types')) return jsonResponse(200, KENG);
    return jsonResponse(404, { type: '/problems/not-found', status: 404 });
  });
}

async function open(user: typeof ADMIN, fetchMock: ReturnType<typeof fakeServer>) {
  vi.stubGlobal('fetch', fetchMock);
  const { container } = renderWithApp(<ModelTypesPage params={{}} />, { session: { user } });
  await settle();
  return container;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('ModelTypesPage', () => {
  it('marks the automatic types and lets an officer read only', async () => {
    const container = await open(OFFICER, fakeServer());
    const kinds = Array.from(container.querySelectorAll('#model-types-table td[data-label="Kiểu"]')).map((td) => td.textContent);
    expect(kinds).toEqual(['Liên kết', 'Tự động (camera an ninh)', 'Nhập tay']);
    expect(container.querySelector('tr[data-type-id="4"]')?.getAttribute('data-automatic')).toBe('true');
    expect(container.querySelector('#model-type-add')).toBeNull();
    expect(container.querySelector('#model-type-8-edit')).toBeNull();
  });

  it('shows a built-in type\'s code, name and kind as fixed and sends them back as read', async () => {
    const fetchMock = fakeServer();
    const container = await open(ADMIN, fetchMock);
    click(container.querySelector('#model-type-3-edit'));
    expect(container.querySelector('#model-type-edit-3-code')).toBeNull();
    expect(container.querySelector('#model-type-edit-3-fixed')?.textContent).toContain('LKANTT');
    type(container.querySelector('#model-type-edit-3-sort'), '35');
    click(container.querySelector('#model-type-edit-3 button[type="submit"]'));
    await settle();
    const put = fetchMock.mock.calls.findIndex((call) => (call[1] as RequestInit | undefined)?.method === 'PUT');
    expect(String(fetchMock.mock.calls[put]?.[0])).toBe('/api/v1/community/model-types/3');
    expect(bodyOf(fetchMock, put)).toEqual({
      code: 'LKANTT',
      name: 'Liên kết về ANTT',
      description: modelType().description,
      linked: true,
      active: true,
      sort: 35,
      version: 1,
    });
  });
});
