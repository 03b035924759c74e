import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Notification } from '../lib/schema';
import { click, jsonResponse, renderWithApp, settle } from '../test/render';
import { NotificationsPage } from './notifications';

afterEach(() => {
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

function notification(over: Partial<Notification> = {}): Notification {
  return {
    id: 7, key: 'reminder:2026-12-03:2:sms', channel: 'sms', user_id: 2, address: '+8491*****78',
    subject: 'antq: nhắc việc ngày 03/12/2026', body: 'antq: 1 bình chữa cháy sắp hết hạn – Tân Trào', status: 'dead',
    attempts: 12, next_attempt_at: null, last_error: 'HTTP 503', created_at: '2026-12-02T23:30:00.000Z', sent_at: null,
    ...over,
  };
}

describe('NotificationsPage', () => {
  it('shows the counts, the channels on and each notification; a given-up one is sent again', async () => {
    let dead = notification();
    const fetchMock = vi.fn(async (_url: string, init: RequestInit = {}) => {
      if (init.method === 'POST') {
        dead = { ...dead, status: 'pending', next_attempt_at: '2026-12-03T00:00:00.000Z' };
        return jsonResponse(200, dead);
      }
      const items = [dead, notification({ id: 6, channel: 'log', address: null, status: 'sent', attempts: 1, last_error: '' })];
      return jsonResponse(200, { items, total: 2, counts: { pending: 0, sent: 1, dead: 1 }, channels: ['log', 'sms'] });
    });
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<NotificationsPage params={{}} />);
    await settle();
    expect(container.querySelector('#notifications-counts dd[data-status="dead"]')?.textContent).toBe('1');
    expect(container.querySelector('#notifications-channels')?.textContent).toBe('Nhật ký, SMS');
    const row = container.querySelector('tr[data-notification-id="7"]');
    expect(row?.textContent).toContain('SMS (+8491*****78)');
    expect(row?.textContent).toContain('Bỏ cuộc');
    expect(container.querySelector('tr[data-notification-id="6"] button')).toBeNull();

    click(row?.querySelector('button') ?? null);
    await settle();
    await settle(); // the list asked again
    const post = fetchMock.mock.calls.find((call) => call[1]?.method === 'POST');
    expect(String(post?.[0])).toContain('/api/v1/notifications/7/retry');
    expect(container.textContent).toContain('Thông báo #7 sẽ được gửi lại ngay.');
    expect(container.querySelector('tr[data-notification-id="7"]')?.getAttribute('data-status')).toBe('pending');
  });

  it('asks the server for one status when chosen', async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) =>
      jsonResponse(200, { items: [], total: 0, counts: { pending: 0, sent: 0, dead: 0 }, channels: ['log'] }));
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<NotificationsPage params={{}} />);
    await settle();
    const select = container.querySelector<HTMLSelectElement>('#notifications-status');
    if (!select) throw new Error('no status filter');
    select.value = 'dead';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(String(fetchMock.mock.calls.at(-1)?.[0])).toContain('status=dead');
    expect(container.textContent).toContain('Không có thông báo nào.');
  });
});
