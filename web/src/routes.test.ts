import { describe, expect, it } from 'vitest';
import { matchPath } from './lib/router';
import { navigationFor, ROUTES } from './routes';

describe('ROUTES', () => {
  it('derives each role\'s navigation from the table, in its order', () => {
    const hrefs = (role: Parameters<typeof navigationFor>[0]) => navigationFor(role).map((n) => n.href);
    expect(hrefs('officer')).toEqual(['/', '/units', '/mailbox', '/mailbox/boxes', '/cameras', '/footage', '/account']);
    expect(hrefs('admin')).toEqual(['/', '/units', '/mailbox/boxes', '/cameras', '/users', '/account']);
    expect(hrefs('auditor')).toEqual(['/', '/units', '/audit', '/account']);
    expect(hrefs('team_member')).toEqual(['/', '/units', '/cameras', '/account']);
    expect(navigationFor('officer')[2]?.label).toBe('nav.mailbox');
  });

  it('loads a page for every route', async () => {
    for (const route of ROUTES) expect(typeof (await route.load())).toBe('function');
  });

  it('matches the fixed mailbox pages before a tip id', () => {
    const first = (path: string) => ROUTES.find((r) => matchPath(r.path, path))?.path;
    expect(first('/mailbox/keys')).toBe('/mailbox/keys');
    expect(first('/mailbox/boxes/3')).toBe('/mailbox/boxes/:id');
    expect(first('/mailbox/12')).toBe('/mailbox/:id');
  });
});
