import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDebounced } from './use-debounced';

let seen: string[] = [];
function Probe({ value }: { value: string }) {
  seen.push(useDebounced(value, 300));
  return null;
}

afterEach(() => {
  vi.useRealTimers();
  seen = [];
});

describe('useDebounced', () => {
  it('gives the new value only after it stopped changing for the delay', () => {
    vi.useFakeTimers();
    const container = document.createElement('div');
    act(() => render(<Probe value="k" />, container));
    act(() => render(<Probe value="ki" />, container));
    expect(seen.at(-1)).toBe('k');
    act(() => void vi.advanceTimersByTime(299));
    expect(seen.at(-1)).toBe('k');
    act(() => void vi.advanceTimersByTime(1));
    expect(seen.at(-1)).toBe('ki');
    act(() => render(null, container));
  });
});
