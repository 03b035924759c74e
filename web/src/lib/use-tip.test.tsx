import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, settle } from '../test/render';
import { tipDetail } from '../test/fixtures';
import { useTip, type TipState } from './use-tip';

const TIP = tipDetail();

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useTip', () => {
  it('loads the tip, shows a local replacement, and drops it on reload', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(jsonResponse(200, TIP))
      .mockResolvedValueOnce(jsonResponse(200, { ...TIP, status: 'closed' }));
    vi.stubGlobal('fetch', fetchMock);
    let state: TipState | undefined;
    function Probe() {
      state = useTip(12);
      return null;
    }
    const container = document.createElement('div');
    act(() => render(<Probe />, container));
    await settle();
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/tips/12');
    expect(state?.tip?.status).toBe('received');

    act(() => state?.replace({ ...TIP, status: 'verifying' }));
    expect(state?.tip?.status).toBe('verifying');
    // Two updates in a row both count (two messages sent at once).
    act(() => {
      state?.replace((shown) => ({ ...shown, when: `${shown.when}a` }));
      state?.replace((shown) => ({ ...shown, when: `${shown.when}b` }));
    });
    expect(state?.tip?.when).toBe('ab');
    expect(state?.tip?.status).toBe('verifying');
    expect(fetchMock).toHaveBeenCalledTimes(1);

    act(() => state?.reload());
    await settle();
    expect(state?.tip?.status).toBe('closed');
    act(() => render(null, container));
  });
});
