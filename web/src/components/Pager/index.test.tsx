import { afterEach, describe, expect, it, vi } from 'vitest';
import { click, renderWithApp } from '../../test/render';
import { Pager } from '.';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Pager', () => {
  it('disables "previous" on the first page and moves forward on "next"', () => {
    const onPage = vi.fn();
    const { container } = renderWithApp(
      <Pager page={1} pageSize={50} total={1234} onPage={onPage} />,
    );
    const [previous, next] = Array.from(container.querySelectorAll('button'));
    expect(previous?.disabled).toBe(true);
    expect(container.textContent).toContain('Trang 1/25 · 1.234 mục');
    click(next ?? null);
    expect(onPage).toHaveBeenCalledWith(2);
  });
});
