import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useNow } from './use-now';

afterEach(() => {
  vi.useRealTimers();
});

describe('useNow', () => {
  it('moves forward every interval and stops when unmounted', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-28T10:00:00Z'));
    const seen: number[] = [];
    function Probe() {
      seen.push(useNow(60000));
      return null;
    }
    const container = document.createElement('div');
    act(() => render(<Probe />, container));
    act(() => {
      vi.advanceTimersByTime(60000);
    });
    expect(seen.at(-1)).toBe(Date.parse('2026-11-28T10:01:00Z'));
    act(() => render(null, container));
    expect(vi.getTimerCount()).toBe(0);
  });
});
