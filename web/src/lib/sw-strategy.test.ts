import { describe, expect, it } from 'vitest';
import { strategyFor } from './sw-strategy';

const ORIGIN = 'https://antq.example';

function strategy(path: string, { method = 'GET', mode = 'navigate', origin = ORIGIN } = {}) {
  return strategyFor({ method, url: origin + path, mode }, ORIGIN);
}

describe('strategyFor', () => {
  it('takes the build\'s files from the cache first', () => {
    expect(strategy('/assets/index-BX2a.js', { mode: 'cors' })).toBe('asset');
    expect(strategy('/assets/be-vietnam-pro-latin-400-normal.woff2', { mode: 'cors' })).toBe('asset');
  });

  it('opens pages from the network, with the cached shell as their fallback', () => {
    expect(strategy('/')).toBe('page');
    expect(strategy('/households/12')).toBe('page');
    expect(strategy('/hom-thu')).toBe('page');
    expect(strategy('/camera/gui')).toBe('page');
  });

  it('gives the offline pages, and only them, a timeout on a weak signal', () => {
    expect(strategy('/offline')).toBe('offline-page');
    expect(strategy('/offline/patrol')).toBe('offline-page');
    expect(strategy('/offlineish')).toBe('page');
  });

  it('never touches the API, even a navigation to it', () => {
    expect(strategy('/api/v1/auth/me', { mode: 'cors' })).toBe('untouched');
    expect(strategy('/api/v1/households/export.csv')).toBe('untouched');
    expect(strategy('/api')).toBe('untouched');
  });

  it('never touches a request that is not a GET', () => {
    expect(strategy('/hom-thu/gui', { method: 'POST' })).toBe('untouched');
    expect(strategy('/assets/index-BX2a.js', { method: 'HEAD', mode: 'cors' })).toBe('untouched');
  });

  it('never touches another origin', () => {
    expect(strategy('/assets/x.js', { origin: 'https://cdn.example', mode: 'cors' })).toBe('untouched');
    expect(strategy('/', { origin: 'https://other.example' })).toBe('untouched');
  });

  it('leaves other requests of the origin to the network', () => {
    expect(strategy('/favicon.svg', { mode: 'no-cors' })).toBe('untouched');
    expect(strategy('/hom-thu/style.css', { mode: 'no-cors' })).toBe('untouched');
  });
});
