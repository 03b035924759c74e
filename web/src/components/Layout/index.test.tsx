import { afterEach, describe, expect, it } from 'vitest';
import { testUser } from '../../test/fixtures';
import { renderWithApp, TEST_USER } from '../../test/render';
import { currentHref, Layout } from '.';

afterEach(() => {
  document.body.innerHTML = '';
});

function links(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll('nav a')).map((a) => a.getAttribute('href') ?? '');
}

describe('Layout', () => {
  it('shows Users to an admin but not Audit', () => {
    const { container } = renderWithApp(<Layout>x</Layout>, { session: { user: TEST_USER } });
    expect(links(container)).toEqual([
      '/',
      '/units',
      '/mailbox/boxes',
      '/cameras',
      '/households',
      '/households/registrations',
      '/fire-groups',
      '/teams',
      '/models',
      '/users',
      '/notifications',
      '/account',
    ]);
    expect(container.querySelector('#current-role')?.textContent).toBe('Quản trị viên');
    expect(container.querySelector('main')?.textContent).toBe('x');
  });

  it('shows Audit to an auditor but not Users', () => {
    const { container } = renderWithApp(<Layout>x</Layout>, {
      session: { user: testUser({ role: 'auditor' }) },
    });
    expect(links(container)).toEqual(['/', '/units', '/audit', '/account']);
  });

  it('shows the mailbox to a commune officer only, and marks it current on a tip page', () => {
    window.history.replaceState(null, '', '/mailbox/12');
    const { container } = renderWithApp(<Layout>x</Layout>, {
      session: { user: testUser({ role: 'officer' }) },
    });
    expect(links(container)).toEqual([
      '/',
      '/units',
      '/mailbox',
      '/mailbox/boxes',
      '/cameras',
      '/footage',
      '/households',
      '/households/registrations',
      '/fire-groups',
      '/teams',
      '/models',
      '/offline',
      '/account',
    ]);
    expect(container.querySelector('a[href="/mailbox"]')?.getAttribute('aria-current')).toBe(
      'page',
    );
    expect(container.querySelector('a[href="/mailbox/boxes"]')?.hasAttribute('aria-current')).toBe(
      false,
    );
    window.history.replaceState(null, '', '/');
    const team = renderWithApp(<Layout>x</Layout>, {
      session: { user: testUser({ role: 'team_member' }) },
    });
    expect(team.container.querySelector('a[href="/mailbox"]')).toBeNull();
    expect(team.container.querySelector('a[href="/mailbox/boxes"]')).toBeNull();
  });

  it('shows paper mailboxes to a reviewer, and marks only the most specific entry current', () => {
    window.history.replaceState(null, '', '/mailbox/boxes/3');
    const { container } = renderWithApp(<Layout>x</Layout>, {
      session: { user: testUser({ role: 'reviewer' }) },
    });
    expect(links(container)).toEqual([
      '/',
      '/units',
      '/mailbox/boxes',
      '/households',
      '/households/registrations',
      '/fire-groups',
      '/teams',
      '/models',
      '/account',
    ]);
    expect(container.querySelector('a[href="/mailbox/boxes"]')?.getAttribute('aria-current')).toBe(
      'page',
    );
    window.history.replaceState(null, '', '/');
    expect(currentHref(['/', '/mailbox', '/mailbox/boxes'], '/mailbox/boxes/3')).toBe(
      '/mailbox/boxes',
    );
    expect(currentHref(['/', '/mailbox', '/mailbox/boxes'], '/mailbox/new')).toBe('/mailbox');
    expect(currentHref(['/', '/mailbox'], '/')).toBe('/');
    const community = ['/', '/households', '/households/registrations'];
    expect(currentHref(community, '/households/42')).toBe('/households');
    expect(currentHref(community, '/households/registrations')).toBe('/households/registrations');
    expect(currentHref(['/', '/mailbox'], '/account')).toBeNull();
  });
});
