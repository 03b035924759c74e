import { describe, expect, it } from 'vitest';
import { matchPath } from './lib/router';
import { navigationFor, ROUTES } from './routes';

describe('ROUTES', () => {
  it('derives each role\'s navigation from the table, in its order', () => {
    const hrefs = (role: Parameters<typeof navigationFor>[0]) => navigationFor(role).map((n) => n.href);
    const community = ['/households', '/households/registrations', '/fire-groups', '/teams'];
    expect(hrefs('officer')).toEqual(['/', '/units', '/mailbox', '/mailbox/boxes', '/cameras', '/footage', ...community, '/account']);
    expect(hrefs('admin')).toEqual(['/', '/units', '/mailbox/boxes', '/cameras', ...community, '/users', '/account']);
    expect(hrefs('auditor')).toEqual(['/', '/units', '/audit', '/account']);
    expect(hrefs('team_member')).toEqual(['/', '/units', '/cameras', ...community, '/account']);
    expect(hrefs('reviewer')).toEqual(['/', '/units', '/mailbox/boxes', ...community, '/account']);
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

  it('matches the registrations report before a household id', () => {
    const first = (path: string) => ROUTES.find((r) => matchPath(r.path, path))?.path;
    expect(first('/households/registrations')).toBe('/households/registrations');
    expect(first('/households/42')).toBe('/households/:id');
    expect(first('/fire-groups/3')).toBe('/fire-groups/:id');
    expect(first('/teams/1')).toBe('/teams/:id');
    expect(first('/teams/grading')).toBe('/teams/grading');
  });
});
