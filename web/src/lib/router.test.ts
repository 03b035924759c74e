import { describe, expect, it } from 'vitest';
import { matchPath, navigate, safeNext } from './router';

describe('router', () => {
  it('matches a pattern and decodes its parameters', () => {
    expect(matchPath('/units/:id', '/units/42')).toEqual({ id: '42' });
    expect(matchPath('/units', '/units/')).toEqual({});
    expect(matchPath('/units/:id', '/units')).toBeNull();
    expect(matchPath('/', '/users')).toBeNull();
  });

  it('returns only to in-app paths after login', () => {
    expect(safeNext('/units/5')).toBe('/units/5');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/api/v1/units/export')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });

  it('pushes history and tells listeners when navigating', () => {
    let heard = 0;
    const listener = () => (heard += 1);
    window.addEventListener('antq:navigate', listener);
    navigate('/users');
    window.removeEventListener('antq:navigate', listener);
    expect(window.location.pathname).toBe('/users');
    expect(heard).toBe(1);
  });
});
