import { afterEach, describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import type { TipMessage } from '../../lib/schema';
import { TipConversation } from '.';

afterEach(() => {
  document.body.innerHTML = '';
});

const MESSAGES: TipMessage[] = [
  {
    id: 31,
    author: 'officer',
    author_name: 'officer.tantrao',
    internal: false,
    body: 'Bạn có nhớ biển số xe không?',
    created_at: '2026-11-28T13:15:00Z',
  },
  {
    id: 32,
    author: 'officer',
    author_name: 'officer.tantrao',
    internal: true,
    body: 'Thôn đã có 2 phản ánh tương tự.',
    created_at: '2026-11-28T13:20:00Z',
  },
  {
    id: 33,
    author: 'tipster',
    author_name: '',
    internal: false,
    body: 'Biển số 22B1-123.45',
    created_at: '2026-11-28T14:02:00Z',
  },
];

describe('TipConversation', () => {
  it('marks internal notes in words and names who wrote each message', () => {
    const { container } = renderWithApp(<TipConversation messages={MESSAGES} />);
    const items = Array.from(container.querySelectorAll('#tip-messages [data-message-id]'));
    expect(items.map((li) => li.getAttribute('data-kind'))).toEqual([
      'officer',
      'internal',
      'tipster',
    ]);
    expect(items[0]?.textContent).toContain('Cán bộ officer.tantrao nhắn người gửi');
    expect(items[1]?.textContent).toContain('Ghi chú nội bộ — người gửi không thấy');
    expect(items[2]?.textContent).toContain('Người gửi nhắn');
    expect(items[2]?.textContent).toContain('Biển số 22B1-123.45');
  });

  it('says when there is nothing yet', () => {
    const { container } = renderWithApp(<TipConversation messages={[]} />);
    expect(container.textContent).toBe('Chưa có tin nhắn hay ghi chú nào.');
  });
});
