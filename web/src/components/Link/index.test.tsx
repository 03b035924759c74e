import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { renderWithApp } from '../../test/render';
import { Link } from '.';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Link', () => {
  it('navigates in the page on a plain click', () => {
    window.history.replaceState(null, '', '/');
    const { container } = renderWithApp(<Link href="/units">Đơn vị</Link>);
    const anchor = container.querySelector('a')!;
    expect(anchor.getAttribute('href')).toBe('/units');
    let prevented = false;
    act(() => {
      const event = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
      anchor.dispatchEvent(event);
      prevented = event.defaultPrevented;
    });
    expect(prevented).toBe(true);
    expect(window.location.pathname).toBe('/units');
  });

  it('leaves ctrl-click to the browser (new tab)', () => {
    window.history.replaceState(null, '', '/');
    const { container } = renderWithApp(<Link href="/users">Người dùng</Link>);
    let prevented = true;
    act(() => {
      const event = new MouseEvent('click', {
        bubbles: true,
        cancelable: true,
        button: 0,
        ctrlKey: true,
      });
      container.querySelector('a')!.dispatchEvent(event);
      prevented = event.defaultPrevented;
    });
    expect(prevented).toBe(false);
  });
});
