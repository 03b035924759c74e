import { afterEach, describe, expect, it } from 'vitest';
import { click, renderWithApp } from '../../test/render';
import { LocaleSwitch } from '.';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('LocaleSwitch', () => {
  it('marks the current language pressed and asks for the other one on click', () => {
    const { container, setLocale } = renderWithApp(<LocaleSwitch />, { locale: 'vi' });
    expect(container.querySelector('[data-locale="vi"]')?.getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(container.querySelector('[data-locale="en"]')?.getAttribute('aria-pressed')).toBe(
      'false',
    );
    click(container.querySelector('[data-locale="en"]'));
    expect(setLocale).toHaveBeenCalledWith('en');
  });
});
