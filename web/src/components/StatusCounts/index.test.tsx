import { afterEach, describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import { StatusCounts } from '.';

const href = (status: string) => (status ? `/mailbox?status=${status}` : '/mailbox');

const chips = (container: HTMLElement) =>
  Array.from(container.querySelectorAll('#status-counts a')).map((a) => a.textContent);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('StatusCounts', () => {
  it('shows the statuses that have tips, in the workflow’s order, after the total', () => {
    const { container } = renderWithApp(
      <StatusCounts counts={{ closed: 1200, received: 12, verifying: 3 }} href={href} />,
    );
    expect(chips(container)).toEqual([
      'Mọi tình trạng 1.215',
      'Mới tiếp nhận 12',
      'Đang xác minh 3',
      'Đã đóng 1.200',
    ]);
  });

  it('marks the status shown now, even without tips, and names the chips in English', () => {
    const { container } = renderWithApp(
      <StatusCounts counts={{ received: 2 }} href={href} current="duplicate" />,
      { locale: 'en' },
    );
    expect(chips(container)).toEqual(['All statuses 2', 'Received 2', 'Duplicate 0']);
    const current = container.querySelectorAll('[aria-current="true"]');
    expect(current).toHaveLength(1);
    expect(current[0]?.getAttribute('href')).toBe('/mailbox?status=duplicate');
    expect(container.querySelector('nav')?.getAttribute('aria-label')).toBe('Tips by status');
  });

  it('shows nothing when there are no tips at all', () => {
    const { container } = renderWithApp(<StatusCounts counts={{}} href={href} current="" />);
    expect(container.querySelector('#status-counts')).toBeNull();
  });
});
