import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp, type } from '../../test/render';
import { CheckboxField, DateField, TextField } from '.';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Field', () => {
  it('labels its input and reports typing', () => {
    const onValue = vi.fn();
    const { container } = renderWithApp(
      <TextField id="username" label="Tên đăng nhập" value="" onValue={onValue} required />,
    );
    const label = container.querySelector('label');
    expect(label?.getAttribute('for')).toBe('username');
    expect(label?.textContent).toContain('bắt buộc');
    type(container.querySelector('#username'), 'admin');
    expect(onValue).toHaveBeenCalledWith('admin');
  });

  it('marks the input invalid and points to the error text when there is an error', () => {
    const { container } = renderWithApp(
      <TextField id="code" label="Mã" value="x" onValue={() => undefined} error="Đã tồn tại" />,
    );
    const input = container.querySelector('#code');
    expect(input?.getAttribute('aria-invalid')).toBe('true');
    expect(input?.getAttribute('aria-describedby')).toBe('code-error');
    expect(container.querySelector('#code-error')?.textContent).toBe('Đã tồn tại');
  });

  it('asks for dates as dd/mm/yyyy', () => {
    const { container } = renderWithApp(
      <DateField id="d" label="Ngày" value="" onValue={() => undefined} />,
    );
    expect(container.querySelector('#d')?.getAttribute('type')).toBeNull();
    expect(container.querySelector('#d-hint')?.textContent).toContain('01/07/2025');
  });

  it('gives checkboxes a label too', () => {
    const onChecked = vi.fn();
    const { container } = renderWithApp(
      <CheckboxField id="c" label="Khoá" checked={false} onChecked={onChecked} />,
    );
    expect(container.querySelector('label[for="c"]')?.textContent).toBe('Khoá');
  });
});
