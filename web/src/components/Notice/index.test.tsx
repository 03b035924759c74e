import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { renderWithApp } from '../../test/render';
import { AlertMessage, ErrorMessage, StatusMessage } from '.';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Notice', () => {
  it('announces a confirmation in a polite live region', () => {
    const { container } = renderWithApp(<StatusMessage>Đã tạo tài khoản officer.x.</StatusMessage>);
    const region = container.querySelector('[role="status"]');
    expect(region?.getAttribute('aria-live')).toBe('polite');
    expect(region?.textContent).toBe('Đã tạo tài khoản officer.x.');
  });

  it('says an app message in an alert, with its explanation', () => {
    const { container } = renderWithApp(
      <AlertMessage title="Bạn chưa được cấp quyền xem danh tính">Hỏi quản trị viên.</AlertMessage>,
    );
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe('Bạn chưa được cấp quyền xem danh tínhHỏi quản trị viên.');
  });

  it('lists field errors by their label in an alert', () => {
    const error = new ApiError({
      status: 422,
      slug: 'validation-failed',
      errors: [{ field: 'username', code: 'required', message: '' }],
    });
    const { container } = renderWithApp(
      <ErrorMessage error={error} fields={{ username: 'Tên đăng nhập' }} />,
      {
        locale: 'en',
      },
    );
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Invalid data');
    expect(alert?.textContent).toContain('Tên đăng nhập: Required');
  });

  it('shows the request id of a server failure', () => {
    const error = new ApiError({ status: 500, slug: 'internal', requestId: 'abc-123' });
    const { container } = renderWithApp(<ErrorMessage error={error} />);
    expect(container.textContent).toContain('abc-123');
  });
});
