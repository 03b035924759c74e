import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { renderWithApp } from '../../test/render';
import { TotpQr } from '.';

const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 21 21" onload="alert(1)"><script>alert(2)</script>' +
  '<rect width="21" height="21" fill="#fff"/><path d="M0 0h7v7H0z" fill="#000" style="x"/></svg>';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('TotpQr', () => {
  it('shows the SVG as a base64 data: image', () => {
    const { container } = renderWithApp(<TotpQr svg={svg} alt="QR" fallback="no" />);
    const img = container.querySelector('img');
    expect(img?.getAttribute('src')?.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(atob(img!.getAttribute('src')!.split(',')[1]!)).toContain('viewBox="0 0 21 21"');
  });

  it('redraws only allowed shapes inline when the image is blocked', () => {
    const { container } = renderWithApp(<TotpQr svg={svg} alt="QR" fallback="no" />);
    act(() => {
      container.querySelector('img')!.dispatchEvent(new Event('error'));
    });
    const box = container.querySelector('#totp-qr');
    expect(box?.getAttribute('role')).toBe('img');
    expect(box?.querySelector('path')?.getAttribute('d')).toBe('M0 0h7v7H0z');
    expect(box?.innerHTML).not.toContain('script');
    expect(box?.innerHTML).not.toContain('onload');
    expect(box?.innerHTML).not.toContain('style');
  });
});
