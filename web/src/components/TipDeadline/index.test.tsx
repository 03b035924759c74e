import { afterEach, describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import { createTranslator } from '../../lib/i18n';
import { overdueText, TipDeadline } from '.';

const NOW = Date.parse('2026-11-28T10:00:00Z');

afterEach(() => {
  document.body.innerHTML = '';
});

describe('TipDeadline', () => {
  it('shows the date and the hours left', () => {
    const { container } = renderWithApp(
      <TipDeadline
        tip={{ deadline_running: true, overdue: false, deadline_at: '2026-11-28T15:30:00Z' }}
        now={NOW}
      />,
    );
    expect(container.textContent).toMatch(/^\d\d\/11\/2026 \d\d:\d\dcòn 5 giờ$/);
  });

  it('says "Quá hạn" in words when the deadline has passed', () => {
    const { container } = renderWithApp(
      <TipDeadline
        tip={{ deadline_running: true, overdue: true, deadline_at: '2026-11-27T10:00:00Z' }}
        now={NOW}
      />,
      { locale: 'en' },
    );
    expect(container.querySelector('[data-deadline]')?.getAttribute('data-deadline')).toBe(
      'overdue',
    );
    expect(container.textContent).toContain('Overdue');
  });

  it('says when a kind has no legal deadline', () => {
    const { container } = renderWithApp(
      <TipDeadline tip={{ deadline_running: true, overdue: false, deadline_at: null }} now={NOW} />,
    );
    expect(container.textContent).toBe('Không có hạn luật định');
  });

  it('says how long ago the deadline passed: minutes, hours, then days', () => {
    const t = createTranslator('vi');
    expect(overdueText(t, { deadline_at: '2026-11-28T09:40:00Z' }, NOW)).toBe('Quá hạn 20 phút');
    expect(overdueText(t, { deadline_at: '2026-11-28T07:00:00Z' }, NOW)).toBe('Quá hạn 3 giờ');
    expect(overdueText(t, { deadline_at: '2026-11-26T20:00:00Z' }, NOW)).toBe('Quá hạn 38 giờ');
    expect(overdueText(t, { deadline_at: '2026-11-25T10:00:00Z' }, NOW)).toBe('Quá hạn 3 ngày');
    // The server said overdue but this clock is behind: no made-up duration.
    expect(overdueText(t, { deadline_at: '2026-11-28T10:05:00Z' }, NOW)).toBe('Quá hạn');
  });
});
