import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetTaxonomies } from '../lib/taxonomies';
import { TAXONOMIES, tip } from '../test/fixtures';
import { jsonResponse, renderWithApp, settle, TEST_USER } from '../test/render';
import { DashboardPage } from './dashboard';

const OFFICER = { ...TEST_USER, role: 'officer' as const, unit_id: 7, unit_name: 'Tân Trào' };

function fakeServer() {
  return vi.fn(async (url: string) => {
    if (url === '/api/v1/mailbox/taxonomies') return jsonResponse(200, TAXONOMIES);
    if (url.includes('/units')) return jsonResponse(200, { items: [], total: 3 });
    if (url === '/api/v1/cameras/maintenance') return jsonResponse(200, { faulty: 4, check_due: 11, reconfirm_due: 0 });
    return jsonResponse(200, {
      items: [tip({ id: 5, status: 'closed' }), tip({ id: 4, deadline_at: null })],
      total: 2,
      counts: { received: 1, closed: 1 },
      running: 1,
    });
  });
}

const tipRequests = (fetchMock: ReturnType<typeof vi.fn>) =>
  fetchMock.mock.calls.map((call) => String(call[0])).filter((url) => url.includes('/tips'));

afterEach(() => {
  vi.unstubAllGlobals();
  resetTaxonomies();
  document.body.innerHTML = '';
});

describe('DashboardPage', () => {
  it('shows a commune officer the deadlines and the tips per status from one request', async () => {
    const fetchMock = fakeServer();
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<DashboardPage params={{}} />, {
      session: { user: OFFICER },
    });
    await settle(); // the taxonomies, then what needs them
    await settle();
    expect(tipRequests(fetchMock)).toEqual(['/api/v1/tips?page_size=200']);
    expect(container.querySelector('#deadlines-panel h2')?.textContent).toContain('Hạn xử lý');
    expect(container.querySelector('#deadlines-empty')).not.toBeNull();
    expect(container.querySelector('#status-counts-heading')?.textContent).toBe(
      'Số tin theo tình trạng',
    );
    expect(container.querySelector('#status-counts')?.getAttribute('aria-labelledby')).toBe(
      'status-counts-heading',
    );
    const chips = Array.from(container.querySelectorAll('#status-counts a'));
    expect(chips.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Mọi tình trạng 2', '/mailbox'],
      ['Mới tiếp nhận 1', '/mailbox?status=received'],
      ['Đã đóng 1', '/mailbox?status=closed'],
    ]);
    expect(container.querySelector('#dashboard-unit-count')?.textContent).toBe('3');
    const due = Array.from(container.querySelectorAll('#camera-maintenance [data-due]'));
    expect(due.map((d) => [d.getAttribute('data-due'), d.querySelector('a')?.textContent, d.querySelector('a')?.getAttribute('href')])).toEqual([
      ['faulty', '4', '/cameras?status=faulty'],
      ['check', '11', '/cameras?due=check'],
      ['reconfirm', '0', '/cameras?due=reconfirm'],
    ]);
  });

  it('says so when the mailbox has no tip yet', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(200, { items: [], total: 0, counts: {}, running: 0 })),
    );
    const { container } = renderWithApp(<DashboardPage params={{}} />, {
      session: { user: OFFICER },
    });
    await settle(); // the taxonomies, then what needs them
    await settle();
    expect(container.querySelector('#status-counts')).toBeNull();
    expect(container.querySelector('#status-counts-empty')?.textContent).toBe(
      'Hòm thư chưa có tin nào.',
    );
  });

  it('neither shows the panels nor asks for tips for other roles', async () => {
    for (const role of ['admin', 'team_member', 'reviewer', 'auditor'] as const) {
      const fetchMock = fakeServer();
      vi.stubGlobal('fetch', fetchMock);
      const { container, unmount } = renderWithApp(<DashboardPage params={{}} />, {
        session: { user: { ...TEST_USER, role } },
      });
      await settle(); // the taxonomies, then what needs them
      await settle();
      expect(container.querySelector('#deadlines-panel')).toBeNull();
      expect(container.querySelector('#status-counts')).toBeNull();
      expect(tipRequests(fetchMock)).toEqual([]);
      unmount();
    }
  });
});
