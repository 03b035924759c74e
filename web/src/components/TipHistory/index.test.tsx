import { afterEach, describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import type { TipEvent } from '../../lib/schema';
import { TipHistory } from '.';

afterEach(() => {
  document.body.innerHTML = '';
});

const EVENTS: TipEvent[] = [
  {
    at: '2026-11-28T11:30:00Z',
    actor_name: 'officer.tantrao',
    from: 'received',
    to: 'verifying',
    reason: 'Cử cán bộ xác minh',
    transferred_to: '',
    minutes_number: '',
    duplicate_of: null,
  },
  {
    at: '2026-11-29T08:00:00Z',
    actor_name: 'officer.tantrao',
    from: 'verifying',
    to: 'transferred',
    reason: 'Đủ căn cứ',
    transferred_to: 'Cơ quan CSĐT Công an tỉnh Tuyên Quang',
    minutes_number: '15/BB-CAX',
    duplicate_of: null,
  },
];

describe('TipHistory', () => {
  it('lists each move with its statuses, officer, reason and transfer details', () => {
    const { container } = renderWithApp(<TipHistory events={EVENTS} />);
    const items = container.querySelectorAll('#tip-events li');
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain('Mới tiếp nhận');
    expect(items[0]?.textContent).toContain('Đang xác minh');
    expect(items[0]?.textContent).toContain('officer.tantrao');
    expect(items[0]?.textContent).toContain('Cử cán bộ xác minh');
    expect(items[0]?.textContent).not.toContain('Số biên bản');
    expect(items[1]?.textContent).toContain('Cơ quan CSĐT Công an tỉnh Tuyên Quang');
    expect(items[1]?.textContent).toContain('15/BB-CAX');
  });

  it('says so when nothing has happened yet', () => {
    const { container } = renderWithApp(<TipHistory events={[]} />);
    expect(container.textContent).toBe('Chưa có thay đổi tình trạng.');
  });
});
