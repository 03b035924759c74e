import { afterEach, describe, expect, it } from 'vitest';
import { renderWithApp } from '../test/render';
import { ForbiddenPage } from './forbidden';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ForbiddenPage', () => {
  it('names the one role, or every role, that may open the page', () => {
    const one = renderWithApp(<ForbiddenPage params={{ role: 'officer' }} />);
    expect(one.container.textContent).toContain('Trang này chỉ dành cho Cán bộ Công an xã.');
    const many = renderWithApp(<ForbiddenPage params={{ role: 'officer,reviewer,admin' }} />);
    expect(many.container.textContent).toContain(
      'Trang này chỉ dành cho: Cán bộ Công an xã, Cán bộ thẩm định cấp tỉnh, Quản trị viên.',
    );
  });

  it('names nobody for a page opened by a capability (its holders are the server\'s to know)', () => {
    const { container } = renderWithApp(<ForbiddenPage params={{}} />);
    expect(container.querySelector('h1')?.textContent).toBe('Không có quyền truy cập');
    expect(container.textContent).not.toContain('chỉ dành cho');
    expect(container.querySelector('a')?.getAttribute('href')).toBe('/');
  });
});
