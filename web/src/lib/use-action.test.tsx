import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { settle } from '../test/render';
import { useAction, type Action } from './use-action';

function mount(): { current: () => Action; unmount: () => void } {
  let state: Action | undefined;
  function Probe() {
    state = useAction();
    return null;
  }
  const container = document.createElement('div');
  act(() => render(<Probe />, container));
  return { current: () => state as Action, unmount: () => act(() => render(null, container)) };
}

describe('useAction', () => {
  it('is busy while the action runs and says it succeeded', async () => {
    const probe = mount();
    let finish: () => void = () => undefined;
    let result: Promise<boolean> | undefined;
    act(() => {
      result = probe.current().run(() => new Promise<void>((resolve) => (finish = resolve)));
    });
    expect(probe.current().busy).toBe(true);
    finish();
    await settle();
    expect(await result).toBe(true);
    expect(probe.current().busy).toBe(false);
    expect(probe.current().error).toBeNull();
    probe.unmount();
  });

  it('keeps the error of a failed run and clears it on the next one', async () => {
    const probe = mount();
    const failure = new Error('refused');
    let ok: boolean | undefined;
    await act(async () => {
      ok = await probe.current().run(() => Promise.reject(failure));
    });
    expect(ok).toBe(false);
    expect(probe.current().error).toBe(failure);
    expect(probe.current().busy).toBe(false);
    await act(async () => {
      ok = await probe.current().run(() => Promise.resolve());
    });
    expect(ok).toBe(true);
    expect(probe.current().error).toBeNull();
    probe.unmount();
  });
});
