import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetTaxonomies } from '../lib/taxonomies';
import { TAXONOMIES, testUser, tip, unitNode } from '../test/fixtures';
import { choose, click, jsonResponse, renderWithApp, settle } from '../test/render';
import { useLocation } from '../lib/use-location';
import { MailboxPage } from './mailbox';

const OFFICER = testUser({ id: 2, role: 'officer', unit_id: 7 });

const TIP = tip({
  village_id: 10,
  overdue: true,
  description: 'Có nhóm người lạ tụ tập đánh bạc ở nhà văn hóa thôn Khuôn Điển',
});

const VILLAGE = unitNode({
  id: 10,
  code: 'KD',
  name: 'Khuôn Điển',
  kind: 'residential_area',
  designation: 'thôn',
  parent_id: 7,
});

function fakeServer() {
  return vi.fn(async (url: string) => {
    if (url === '/api/v1/mailbox/taxonomies') return jsonResponse(200, TAXONOMIES);
    if (url.startsWith('/api/v1/units/tree')) return jsonResponse(200, { roots: [VILLAGE] });
    return jsonResponse(200, {
      items: [TIP, { ...TIP, id: 11, readable: false, overdue: false, description: undefined }],
      total: 2,
      counts: { received: 2, verifying: 3, closed: 40 },
    });
  });
}

function Page() {
  useLocation(); // re-render on navigation, as the app does
  return <MailboxPage params={{}} />;
}

afterEach(() => {
  vi.unstubAllGlobals();
  resetTaxonomies();
  document.body.innerHTML = '';
  window.history.replaceState(null, '', '/');
});

describe('MailboxPage', () => {
  it('lists tips with kind, status, village, "Quá hạn" in words and unreadable ones plainly', async () => {
    window.history.replaceState(null, '', '/mailbox');
    vi.stubGlobal('fetch', fakeServer());
    const { container } = renderWithApp(<Page />, { session: { user: OFFICER } });
    await settle(); // the taxonomies, then what needs them
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
    await settle(); // the taxonomies, then what needs them
    await settle();
    choose(container.querySelector('#tip-status'), 'verifying');
    click(container.querySelector('#tip-overdue'));
    await settle();
    expect(window.location.search).toBe('?status=verifying&overdue=1');
    const urls = fetchMock.mock.calls.map((call) => String(call[0]));
    expect(urls).toContain('/api/v1/tips?status=verifying&overdue=1&page=1&page_size=50');
  });

  it('counts the tips per status in chips that filter the inbox by that status alone', async () => {
    window.history.replaceState(null, '', '/mailbox?kind=suggestion&overdue=1');
    const fetchMock = fakeServer();
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<Page />, { session: { user: OFFICER } });
    await settle(); // the taxonomies, then what needs them
    await settle();
    const chips = Array.from(container.querySelectorAll('#status-counts a'));
    expect(container.querySelector('#status-counts')?.getAttribute('aria-label')).toBe(
      'Số tin theo tình trạng',
    );
    // Statuses without tips are left out; the workflow's order, not the counts'.
    expect(chips.map((a) => a.textContent)).toEqual([
      'Mọi tình trạng 45',
      'Mới tiếp nhận 2',
      'Đang xác minh 3',
      'Đã đóng 40',
    ]);
    expect(chips.map((a) => a.getAttribute('href'))).toEqual([
      '/mailbox',
      '/mailbox?status=received',
      '/mailbox?status=verifying',
      '/mailbox?status=closed',
    ]);
    // No status chosen: every status is shown now.
    expect(
      container.querySelector('#status-counts [aria-current="true"]')?.getAttribute('href'),
    ).toBe('/mailbox');

    click(container.querySelector('#status-counts a[data-status="verifying"]'));
    await settle();
    expect(window.location.search).toBe('?status=verifying');
    expect(fetchMock.mock.calls.map((call) => String(call[0]))).toContain(
      '/api/v1/tips?status=verifying&page=1&page_size=50',
    );
    const current = container.querySelector('#status-counts [aria-current="true"]');
    expect(current?.getAttribute('data-status')).toBe('verifying');
    expect((container.querySelector('#tip-status') as HTMLSelectElement).value).toBe('verifying');
  });
});
