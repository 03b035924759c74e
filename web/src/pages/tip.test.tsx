import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  choose,
  click,
  jsonResponse,
  renderWithApp,
  settle,
  type,
} from '../test/render';
import { testUser, tipDetail } from '../test/fixtures';
import { TipPage } from './tip';

const OFFICER = testUser({ id: 2, role: 'officer', unit_id: 7 });

const TIP = tipDetail({
  identity_mode: 'confidential',
  wants_outcome: true,
  description: 'Có nhóm người đánh bạc',
  when: 'Tối thứ bảy',
});

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('TipPage', () => {
  it('shows the tip, adds a note to the conversation and moves the status, confirming each', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/v1/tips/12/messages')
        return jsonResponse(201, {
          id: 40,
          author: 'officer',
          author_name: 'officer.tantrao',
          internal: true,
          body: JSON.parse(String(init?.body)).body,
          created_at: '2026-11-28T11:00:00Z',
        });
      if (url === '/api/v1/tips/12/transitions')
        return jsonResponse(200, {
          ...TIP,
          status: 'verifying',
          next_statuses: ['transferred', 'resolved', 'unfounded', 'duplicate'],
          events: [
            {
              at: '2026-11-28T11:05:00Z',
              actor_name: 'officer.tantrao',
              from: 'received',
              to: 'verifying',
              reason: 'Xác minh tại chỗ',
              transferred_to: '',
              minutes_number: '',
              duplicate_of: null,
            },
          ],
        });
      return jsonResponse(200, TIP);
    });
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<TipPage params={{ id: '12' }} />, {
      session: { user: OFFICER },
    });
    await settle();
    expect(container.querySelector('h1')?.textContent).toBe('Tin số 12');
    expect(container.querySelector('#tip-description')?.textContent).toBe('Có nhóm người đánh bạc');
    expect(container.querySelector('#tip-status-label')?.textContent).toBe('Mới tiếp nhận');
    expect(container.querySelector('#reveal-form')).not.toBeNull();

    type(container.querySelector('#note-body'), 'Đã có 2 phản ánh tương tự');
    click(container.querySelector('#note-form button[type="submit"]'));
    await settle();
    const note = container.querySelector('#tip-messages [data-message-id="40"]');
    expect(note?.textContent).toContain('Ghi chú nội bộ — người gửi không thấy');
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Đã thêm ghi chú nội bộ.');

    choose(container.querySelector('#transition-status'), 'verifying');
    type(container.querySelector('#transition-reason'), 'Xác minh tại chỗ');
    click(container.querySelector('#transition-form button[type="submit"]'));
    await settle();
    expect(container.querySelector('#tip-status-label')?.textContent).toBe('Đang xác minh');
    expect(container.querySelectorAll('#tip-events li')).toHaveLength(1);
    expect(container.querySelector('[role="status"]')?.textContent).toBe(
      'Đã chuyển tin số 12 sang “Đang xác minh”.',
    );
    // The tip was read once; the actions' answers updated the page.
    expect(fetchMock.mock.calls.filter((call) => call[0] === '/api/v1/tips/12')).toHaveLength(1);
    // The next transition form offers the moves from "verifying".
    const next = Array.from(container.querySelectorAll('#transition-status option')).map((o) =>
      o.getAttribute('value'),
    );
    expect(next).toEqual(['', 'transferred', 'resolved', 'unfounded', 'duplicate']);
  });

  it('says when the officer has no key to read the tip', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(200, { ...TIP, readable: false, description: undefined })),
    );
    const { container } = renderWithApp(<TipPage params={{ id: '12' }} />, {
      session: { user: OFFICER },
    });
    await settle();
    expect(container.querySelector('#tip-unreadable')).not.toBeNull();
    expect(container.querySelector('#message-form')).toBeNull();
    expect(container.querySelector('#transition-form')).toBeNull();
  });

  it('lists the attachments, offers the receipt record and names the mailbox opening', async () => {
    const fetchMock = vi.fn(async (url: string) => {
      if (url === '/api/v1/mailbox/openings/5')
        return jsonResponse(200, { id: 5, box_id: 3, box_place: 'Chợ Tân Trào', unit_id: 7 });
      return jsonResponse(200, {
        ...TIP,
        channel: 'box',
        box_opening_id: 5,
        files: [
          {
            id: 3,
            name: 'thu.pdf',
            mime: 'application/pdf',
            size: 2048,
            author: 'officer',
            created_at: '2026-11-28T10:00:00Z',
          },
        ],
      });
    });
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<TipPage params={{ id: '12' }} />, {
      session: { user: OFFICER },
    });
    await settle();
    await settle();
    expect(container.querySelector('#tip-files-heading')?.textContent).toBe('Tệp đính kèm');
    expect(container.querySelector('#tip-files [data-file-id="3"]')?.textContent).toContain('2 KB');
    const record = container.querySelector('#tip-receipt-record');
    expect(record?.getAttribute('href')).toBe('/api/v1/tips/12/receipt-record.docx');
    expect(record?.textContent).toBe('Tải biên bản tiếp nhận (.docx)');
    const source = container.querySelector('#tip-box-opening');
    expect(source?.textContent).toBe('Thư từ hòm thư (lần mở #5) — Hòm ở Chợ Tân Trào');
    expect(source?.querySelector('a')?.getAttribute('href')).toBe('/mailbox/boxes/3');
  });

  it('offers no receipt record for a suggestion, and says there are no files', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(200, { ...TIP, kind: 'suggestion', receipt_record: false, files: [] })),
    );
    const { container } = renderWithApp(<TipPage params={{ id: '12' }} />, {
      session: { user: OFFICER },
    });
    await settle();
    expect(container.querySelector('#tip-receipt-record')).toBeNull();
    expect(container.querySelector('#tip-box-opening')).toBeNull();
    expect(container.querySelector('#tip-files-none')).not.toBeNull();
  });
});
