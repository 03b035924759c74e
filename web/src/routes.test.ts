import { describe, expect, it } from 'vitest';
import { matchPath } from './lib/router';
import type { Role } from './lib/schema';
import { mayOpen, navigationFor, ROUTES } from './routes';
import { testUser } from './test/fixtures';

function route(path: string) {
  const found = ROUTES.find((r) => r.path === path);
  if (!found) throw new Error(`no route ${path}`);
  return found;
}

describe('ROUTES', () => {
  it('derives each role\'s navigation from the table, in its order', () => {
    const hrefs = (role: Role) => navigationFor(testUser({ role })).map((n) => n.href);
    const community = ['/households', '/households/registrations', '/fire-groups', '/teams', '/models'];
    expect(hrefs('officer')).toEqual(['/', '/units', '/mailbox', '/mailbox/boxes', '/cameras', '/footage', ...community, '/offline', '/account']);
    expect(hrefs('admin')).toEqual(['/', '/units', '/mailbox/boxes', '/cameras', ...community, '/users', '/notifications', '/account']);
    expect(hrefs('auditor')).toEqual(['/', '/units', '/audit', '/account']);
    expect(hrefs('team_member')).toEqual(['/', '/units', '/cameras', ...community, '/offline', '/account']);
    expect(hrefs('reviewer')).toEqual(['/', '/units', '/mailbox/boxes', ...community, '/account']);
    expect(navigationFor(testUser({ role: 'officer' }))[2]?.label).toBe('nav.mailbox');
  });

  it('opens the community pages by the session\'s capabilities, the others by role', () => {
    const community = ['/households', '/households/registrations', '/households/:id'];
    community.push('/fire-groups', '/fire-groups/:id', '/teams', '/teams/:id');
    for (const path of community) expect(route(path).capability).toBe('households.read');
    expect(route('/teams/grading').capability).toBe('gradings.read');
    for (const path of ['/models', '/models/sites', '/models/sites/:id', '/models/types']) expect(route(path).capability).toBe('models.read');
    // What the server gives decides, not the role: an officer given gradings.read only
    // opens the grading but not the households.
    const officer = testUser({ role: 'officer', capabilities: ['gradings.read'] });
    expect(mayOpen(route('/households'), officer)).toBe(false);
    expect(mayOpen(route('/teams/grading'), officer)).toBe(true);
    expect(navigationFor(officer).map((n) => n.href)).not.toContain('/households');
    expect(mayOpen(route('/teams/grading'), testUser({ role: 'team_member' }))).toBe(false);
    expect(mayOpen(route('/teams/grading'), testUser({ role: 'reviewer' }))).toBe(true);
    // The modules without capabilities keep their roles, whatever the capabilities.
    expect(route('/users').capability).toBeUndefined();
    expect(mayOpen(route('/users'), testUser({ role: 'officer' }))).toBe(false);
    expect(mayOpen(route('/mailbox'), testUser({ role: 'officer', capabilities: [] }))).toBe(true);
  });

  it('opens the offline pages with no network, to those the server gives offline.pack', () => {
    const offline = ROUTES.filter((r) => r.offline).map((r) => r.path);
    expect(offline).toEqual(['/offline', '/offline/patrol', '/offline/drill', '/offline/registration', '/offline/extinguisher-check']);
    for (const path of offline) expect(route(path).capability).toBe('offline.pack');
    expect(mayOpen(route('/offline/patrol'), testUser({ role: 'team_member' }))).toBe(true);
    expect(mayOpen(route('/offline/patrol'), testUser({ role: 'officer' }))).toBe(true);
    expect(mayOpen(route('/offline'), testUser({ role: 'admin' }))).toBe(false);
    expect(mayOpen(route('/offline'), testUser({ role: 'reviewer' }))).toBe(false);
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
