import { afterEach, describe, expect, it } from 'vitest';
import { renderWithApp, TEST_USER } from '../../test/render';
import { Layout } from '.';

afterEach(() => {
  document.body.innerHTML = '';
});

function links(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll('nav a')).map((a) => a.getAttribute('href') ?? '');
}

describe('Layout', () => {
  it('shows Users to an admin but not Audit', () => {
    const { container } = renderWithApp(<Layout>x</Layout>, { session: { user: TEST_USER } });
    expect(links(container)).toEqual(['/', '/units', '/users', '/account']);
    expect(container.querySelector('#current-role')?.textContent).toBe('Quản trị viên');
    expect(container.querySelector('main')?.textContent).toBe('x');
  });

  it('shows Audit to an auditor but not Users', () => {
    const { container } = renderWithApp(<Layout>x</Layout>, {
      session: { user: { ...TEST_USER, role: 'auditor' } },
    });
    expect(links(container)).toEqual(['/', '/units', '/audit', '/account']);
  });
});
