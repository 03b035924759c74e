import { afterEach, describe, expect, it, vi } from 'vitest';
import { click, jsonResponse, renderWithApp, settle, type } from '../test/render';
import type { Box } from '../lib/schema';
import { boxOpening, COMMUNE, mailBox, testUser } from '../test/fixtures';
import { BoxesPage, BoxPage } from './boxes';

const OFFICER = testUser({ id: 2, role: 'officer', unit_id: 12 });
const REVIEWER = testUser({ id: 4, role: 'reviewer', unit_id: 2 });

const BOX = mailBox({
  village_id: 7,
  village_name: 'Khuôn Điển',
  place: 'Nhà văn hóa thôn',
  last_opened_at: '2026-11-28T02:00:00Z',
  openings: 1,
});

const OPENING = boxOpening({ box_place: 'Nhà văn hóa thôn', letters: 1 });

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

function fakeServer(list: Box[]) {
  return vi.fn(async (url: string, init?: RequestInit) => {
    if (url.startsWith('/api/v1/units/tree')) return jsonResponse(200, { roots: [COMMUNE] });
    if (url === '/api/v1/mailbox/boxes' && init?.method === 'POST') {
      const body = JSON.parse(String(init.body));
      const box = { ...BOX, id: 9, village_id: null, village_name: '', openings: 0, ...body };
      list.push(box);
      return jsonResponse(201, box);
    }
    if (url === '/api/v1/mailbox/boxes') return jsonResponse(200, { items: list });
    if (url === '/api/v1/mailbox/boxes/3/openings') return jsonResponse(200, { items: [OPENING] });
    if (url === '/api/v1/mailbox/boxes/3' && init?.method === 'PATCH') {
      const box = { ...list[0]!, ...JSON.parse(String(init.body)) };
      list[0] = box;
      return jsonResponse(200, box);
    }
    return jsonResponse(404, { type: '/problems/not-found', status: 404 });
  });
}

describe('BoxesPage', () => {
  it('lists the boxes by commune and lets an officer add one, confirming it', async () => {
    const list = [
      BOX,
      { ...BOX, id: 4, place: 'Chợ cũ', active: false, last_opened_at: null, openings: 0 },
    ];
    vi.stubGlobal('fetch', fakeServer(list));
    const { container } = renderWithApp(<BoxesPage params={{}} />, { session: { user: OFFICER } });
    await settle();
    expect(container.querySelector('h1')?.textContent).toBe('Hòm thư giấy');
    expect(container.querySelector('h3')?.textContent).toBe('Tân Trào (2 hòm)');
    const row = container.querySelector('tr[data-box-id="3"]');
    expect(row?.querySelector('a')?.getAttribute('href')).toBe('/mailbox/boxes/3');
    expect(row?.textContent).toContain('Khuôn Điển');
    expect(row?.textContent).toContain('Đang đặt');
    expect(row?.textContent).toContain('28/11/2026 09:00');
    const down = container.querySelector('tr[data-box-id="4"]');
    expect(down?.textContent).toContain('Đã gỡ');
    expect(down?.textContent).toContain('Chưa mở lần nào');

    type(container.querySelector('#box-place'), 'Bưu điện xã');
    click(container.querySelector('#box-form button[type="submit"]'));
    await settle();
    await settle();
    expect(container.querySelector('[role="status"]')?.textContent).toBe(
      'Đã thêm hòm thư ở Bưu điện xã.',
    );
    expect(container.querySelector('tr[data-box-id="9"]')?.textContent).toContain('Bưu điện xã');
  });

  it('shows a reviewer the boxes without any form', async () => {
    vi.stubGlobal('fetch', fakeServer([BOX]));
    const { container } = renderWithApp(<BoxesPage params={{}} />, { session: { user: REVIEWER } });
    await settle();
    expect(container.querySelector('tr[data-box-id="3"]')).not.toBeNull();
    expect(container.querySelector('form')).toBeNull();
    expect(container.textContent).toContain('Bạn chỉ được xem');
  });
});

describe('BoxPage', () => {
  it('shows the box and its openings, and records an opening for an officer', async () => {
    const list = [BOX];
    const fetchMock = fakeServer(list);
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<BoxPage params={{ id: '3' }} />, {
      session: { user: OFFICER },
    });
    await settle();
    expect(container.querySelector('h1')?.textContent).toBe('Hòm thư ở Nhà văn hóa thôn');
    expect(container.querySelector('#box-state')?.textContent).toBe('Đang đặt');
    expect(container.querySelector('#openings-table [data-register="5"]')).not.toBeNull();
    expect(container.querySelector('#opening-form')).not.toBeNull();

    click(container.querySelector('#box-take-down'));
    await settle();
    await settle();
    expect(container.querySelector('[role="status"]')?.textContent).toBe(
      'Đã gỡ hòm thư ở Nhà văn hóa thôn.',
    );
    expect(container.querySelector('#box-state')?.textContent).toBe('Đã gỡ');
    expect(container.querySelector('#opening-form')).toBeNull();
    expect(container.querySelector('#box-taken-down-note')).not.toBeNull();
    expect(container.querySelector('#box-put-back')).not.toBeNull();
  });

  it('lets a reviewer read the openings only, and says when the box is unknown', async () => {
    vi.stubGlobal('fetch', fakeServer([BOX]));
    const { container } = renderWithApp(<BoxPage params={{ id: '3' }} />, {
      session: { user: REVIEWER },
    });
    await settle();
    expect(container.querySelector('#openings-table [data-minutes="5"]')).not.toBeNull();
    expect(container.querySelector('[data-register]')).toBeNull();
    expect(container.querySelector('form')).toBeNull();
    const missing = renderWithApp(<BoxPage params={{ id: '77' }} />, {
      session: { user: REVIEWER },
    });
    await settle();
    expect(missing.container.querySelector('[role="alert"]')?.textContent).toContain(
      'Không tìm thấy hòm thư này.',
    );
  });
});
