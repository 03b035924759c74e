import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api';
import { click, renderWithApp } from '../../test/render';
import { LoadStatus } from '.';

const state = (over: object) => ({
  data: undefined,
  error: null,
  loading: false,
  reload: vi.fn(),
  ...over,
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('LoadStatus', () => {
  it('says it is loading until the first answer only', () => {
    expect(
      renderWithApp(<LoadStatus state={state({ loading: true })} />).container.textContent,
    ).toBe('Đang tải…');
    // Reloading keeps the answer on screen: no loading line.
    expect(
      renderWithApp(<LoadStatus state={state({ loading: true, data: [] })} />).container
        .textContent,
    ).toBe('');
  });

  it('shows the error with a button that asks again', () => {
    const failed = state({ error: new ApiError({ status: 503, slug: 'unavailable' }) });
    const { container } = renderWithApp(<LoadStatus state={failed} />);
    expect(container.querySelector('[role=alert]')).not.toBeNull();
    const retry = container.querySelector('button');
    expect(retry?.textContent).toBe('Thử lại');
    click(retry);
    expect(failed.reload).toHaveBeenCalledOnce();
  });
});
