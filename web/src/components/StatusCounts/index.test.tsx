import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetTaxonomies } from '../../lib/taxonomies';
import type { MailboxTaxonomies } from '../../lib/schema';
import { TAXONOMIES } from '../../test/fixtures';
import { click, jsonResponse, renderWithApp, settle } from '../../test/render';
import { StatusCounts } from '.';

const href = (status: string) => (status ? `/mailbox?status=${status}` : '/mailbox');

const chips = (container: HTMLElement) =>
  Array.from(container.querySelectorAll('#status-counts a')).map((a) => a.textContent);

/** A server that answers GET /api/v1/mailbox/taxonomies with `taxonomies`. */
function serve(taxonomies: MailboxTaxonomies = TAXONOMIES) {
  const fetchMock = vi.fn(async (url: string) =>
    url === '/api/v1/mailbox/taxonomies'
      ? jsonResponse(200, taxonomies)
      : jsonResponse(404, { type: '/problems/not-found', status: 404 }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
  resetTaxonomies();
  document.body.innerHTML = '';
});

describe('StatusCounts', () => {
  it('shows the statuses that have tips, in the workflow’s order, after the total', async () => {
    serve();
    const { container } = renderWithApp(
      <StatusCounts counts={{ closed: 1200, received: 12, verifying: 3 }} href={href} />,
    );
    await settle();
    expect(chips(container)).toEqual([
      'Mọi tình trạng 1.215',
      'Mới tiếp nhận 12',
      'Đang xác minh 3',
      'Đã đóng 1.200',
    ]);
  });

  it('marks the status shown now, even without tips, and names the chips in English', async () => {
    serve();
    const { container } = renderWithApp(
      <StatusCounts counts={{ received: 2 }} href={href} current="duplicate" />,
      { locale: 'en' },
    );
    await settle();
    expect(chips(container)).toEqual(['All statuses 2', 'Received 2', 'Duplicate 0']);
    const current = container.querySelectorAll('[aria-current="true"]');
    expect(current).toHaveLength(1);
    expect(current[0]?.getAttribute('href')).toBe('/mailbox?status=duplicate');
    expect(container.querySelector('nav')?.getAttribute('aria-label')).toBe('Tips by status');
  });

  it('takes the statuses and their order from the server, asked once for every use', async () => {
    const reversed = { ...TAXONOMIES, statuses: [...TAXONOMIES.statuses].reverse() };
    const fetchMock = serve(reversed);
    const counts = { closed: 1, received: 2 };
    const first = renderWithApp(<StatusCounts counts={counts} href={href} />);
    const second = renderWithApp(<StatusCounts counts={counts} href={href} />);
    await settle();
    expect(chips(first.container)).toEqual(['Mọi tình trạng 3', 'Đã đóng 1', 'Mới tiếp nhận 2']);
    expect(chips(second.container)).toEqual(chips(first.container));
    const third = renderWithApp(<StatusCounts counts={counts} href={href} />);
    expect(chips(third.container)).toEqual(chips(first.container));
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('shows nothing when there are no tips at all', async () => {
    serve();
    const { container } = renderWithApp(<StatusCounts counts={{}} href={href} current="" />);
    await settle();
    expect(container.querySelector('#status-counts')).toBeNull();
  });
  it('says when the statuses cannot be fetched and asks again on Thử lại', async () => {
    let fail = true;
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        fail
          ? jsonResponse(503, { type: '/problems/unavailable', status: 503 })
          : jsonResponse(200, TAXONOMIES),
      ),
    );
    const { container } = renderWithApp(<StatusCounts counts={{ received: 2 }} href={href} />);
    await settle();
    expect(chips(container)).toEqual([]);
    const retry = Array.from(container.querySelectorAll('button')).find((b) =>
      /Thử lại/.test(b.textContent ?? ''),
    );
    expect(retry).toBeDefined();
    fail = false;
    click(retry ?? null);
    await settle();
    await settle();
    expect(chips(container)).toEqual(['Mọi tình trạng 2', 'Mới tiếp nhận 2']);
  });
});
