import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { settle } from '../test/render';
import { useAsync, type AsyncState } from './use-async';

describe('useAsync', () => {
  it('ignores an older answer that arrives after a newer request', async () => {
    const resolvers: Record<string, (value: string) => void> = {};
    let state: AsyncState<string> | undefined;
    function Probe({ id }: { id: string }) {
      state = useAsync(() => new Promise<string>((resolve) => (resolvers[id] = resolve)), [id]);
      return null;
    }
    const container = document.createElement('div');
    act(() => render(<Probe id="old" />, container));
    act(() => render(<Probe id="new" />, container));
    resolvers.new!('new answer');
    await settle();
    resolvers.old!('old answer');
    await settle();
    expect(state?.data).toBe('new answer');
    expect(state?.loading).toBe(false);
    act(() => render(null, container));
  });

  it('aborts the request when the component goes away', async () => {
    let signal: AbortSignal | undefined;
    function Probe() {
      useAsync((s) => {
        signal = s;
        return new Promise<void>(() => undefined);
      }, []);
      return null;
    }
    const container = document.createElement('div');
    act(() => render(<Probe />, container));
    act(() => render(null, container));
    expect(signal?.aborted).toBe(true);
  });
});
