import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp, settle, TEST_USER } from '../test/render';
import { DashboardPage } from './dashboard';

function fakeServer() {
  return vi.fn(async (url: string) =>
    jsonResponse(200, { items: [], total: url.includes('/units') ? 3 : 0 }),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('DashboardPage', () => {
  it('shows the deadlines panel to a commune officer', async () => {
    const fetchMock = fakeServer();
    vi.stubGlobal('fetch', fetchMock);
    const officer = { ...TEST_USER, role: 'officer' as const, unit_id: 7, unit_name: 'Tân Trào' };
    const { container } = renderWithApp(<DashboardPage params={{}} />, {
      session: { user: officer },
    });
    await settle();
    expect(container.querySelector('#deadlines-panel h2')?.textContent).toContain('Hạn xử lý');
    expect(container.querySelector('#deadlines-empty')).not.toBeNull();
    expect(container.querySelector('#dashboard-unit-count')?.textContent).toBe('3');
  });

  it('neither shows the panel nor asks for tips for other roles', async () => {
    for (const role of ['admin', 'team_member', 'reviewer', 'auditor'] as const) {
      const fetchMock = fakeServer();
      vi.stubGlobal('fetch', fetchMock);
      const { container, unmount } = renderWithApp(<DashboardPage params={{}} />, {
        session: { user: { ...TEST_USER, role } },
      });
      await settle();
      expect(container.querySelector('#deadlines-panel')).toBeNull();
      expect(fetchMock.mock.calls.map((call) => String(call[0]))).not.toContainEqual(
        expect.stringContaining('/api/v1/tips'),
      );
      unmount();
    }
  });
});
