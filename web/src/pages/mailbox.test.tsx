import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp, settle, TEST_USER } from '../test/render';
import type { Tip } from '../lib/types';
import { useLocation } from '../lib/use-location';
import { MailboxPage } from './mailbox';

const OFFICER = { ...TEST_USER, id: 2, role: 'officer' as const, unit_id: 7 };

const TIP: Tip = {
  id: 12,
  unit_id: 7,
  unit_name: 'Tân Trào',
  village_id: 10,
  kind: 'denunciation',
  channel: 'web',
  status: 'received',
  identity_mode: 'anonymous',
  wants_outcome: false,
  received_at: '2026-11-28T10:00:00Z',
  deadline_at: '2026-11-29T10:00:00Z',
  transferred_at: null,
  closed_at: null,
  duplicate_of: null,
  assignee_id: null,
  overdue: true,
  readable: true,
  description: 'Có nhóm người lạ tụ tập đánh bạc ở nhà văn hóa thôn Khuôn Điển',
  when: '',
  where: '',
  latitude: null,
  longitude: null,
};

const VILLAGE = {
  id: 10,
  code: 'KD',
  name: 'Khuôn Điển',
  kind: 'residential_area',
  designation: 'thôn',
  parent_id: 7,
  valid_from: null,
  valid_to: null,
  remote: false,
  merged_into: null,
  demo: false,
  note: '',
  active: true,
  children: [],
};

function fakeServer() {
  return vi.fn(async (url: string) => {
    if (url.startsWith('/api/v1/units/tree')) return jsonResponse(200, { roots: [VILLAGE] });
    return jsonResponse(200, {
      items: [TIP, { ...TIP, id: 11, readable: false, overdue: false, description: undefined }],
      total: 2,
    });
  });
}

function Page() {
  useLocation(); // re-render on navigation, as the app does
  return <MailboxPage params={{}} />;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
  window.history.replaceState(null, '', '/');
});

describe('MailboxPage', () => {
  it('lists tips with kind, status, village, "Quá hạn" in words and unreadable ones plainly', async () => {
    window.history.replaceState(null, '', '/mailbox');
    vi.stubGlobal('fetch', fakeServer());
    const { container } = renderWithApp(<Page />, { session: { user: OFFICER } });
    await settle();
    const rows = container.querySelectorAll('#tips-table tr[data-tip-id]');
    expect(rows).toHaveLength(2);
    const first = rows[0]?.textContent ?? '';
    expect(first).toContain('Tin số 12');
    expect(first).toContain('Tố giác tội phạm');
    expect(first).toContain('Mới tiếp nhận');
    expect(first).toContain('Thôn Khuôn Điển');
    expect(first).toContain('Quá hạn');
    expect(rows[1]?.textContent).toContain('Không đọc được');
  });

  it('puts the filters in the address and asks the server with them', async () => {
    window.history.replaceState(null, '', '/mailbox');
    const fetchMock = fakeServer();
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<Page />, { session: { user: OFFICER } });
    await settle();
    const select = container.querySelector('#tip-status') as HTMLSelectElement;
    act(() => {
      select.value = 'verifying';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const overdue = container.querySelector('#tip-overdue') as HTMLInputElement;
    act(() => overdue.click());
    await settle();
    expect(window.location.search).toBe('?status=verifying&overdue=1');
    const urls = fetchMock.mock.calls.map((call) => String(call[0]));
    expect(urls).toContain('/api/v1/tips?status=verifying&overdue=1&page=1&page_size=50');
  });
});
