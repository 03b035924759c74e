import { describe, expect, it } from 'vitest';
import vi from '../../../i18n/vi.json';
import en from '../../../i18n/en.json';
import { ApiError } from './api';
import { createTranslator, fieldErrors, problemDetail, problemTitle } from './i18n';

function keys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) =>
    keys(value, prefix ? `${prefix}.${key}` : key),
  );
}

describe('i18n', () => {
  it('has the same keys in both catalogs', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });

  it('fills {params} in a web.* message', () => {
    const t = createTranslator('vi');
    expect(t('users.created', { username: 'officer.x' })).toBe('Đã tạo tài khoản officer.x.');
    expect(createTranslator('en')('users.created', { username: 'officer.x' })).toBe(
      'Account officer.x was created.',
    );
  });

  it('uses the fallback when a run-time key is missing', () => {
    const t = createTranslator('en');
    expect(t.dynamic('problem.no-such-thing.title', 'Server title')).toBe('Server title');
    expect(t.dynamic('web.role.auditor', 'x')).toBe('Auditor');
  });

  it('titles a problem from the shared catalog by its slug', () => {
    const t = createTranslator('vi');
    const error = new ApiError({ status: 401, slug: 'invalid-totp', title: 'ignored' });
    expect(problemTitle(t, error)).toBe('Mã xác thực không đúng');
    expect(problemDetail(t, error)).toBe('Mã xác thực hai lớp hoặc mã khôi phục không đúng.');
  });

  it('maps field errors to their localized message, skipping CSV line errors', () => {
    const t = createTranslator('vi');
    const error = new ApiError({
      status: 422,
      slug: 'validation-failed',
      errors: [
        { field: 'username', code: 'duplicate', message: 'taken' },
        { field: 'kind', code: 'unknown_value', message: 'x', line: 3 },
      ],
    });
    expect(fieldErrors(t, error)).toEqual({ username: 'Đã tồn tại' });
  });
});
