import { afterEach, describe, expect, it, vi } from 'vitest';
import { TAXONOMIES } from '../test/fixtures';
import { jsonResponse } from '../test/render';
import {
  kindCodes,
  loadTaxonomies,
  registrableChannels,
  resetTaxonomies,
  statusCodes,
} from './taxonomies';

afterEach(() => {
  vi.unstubAllGlobals();
  resetTaxonomies();
});

describe('loadTaxonomies', () => {
  it('asks the server once and shares its answer', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(200, TAXONOMIES));
    vi.stubGlobal('fetch', fetchMock);
    const [a, b] = await Promise.all([loadTaxonomies(), loadTaxonomies()]);
    expect(a).toEqual(TAXONOMIES);
    expect(await loadTaxonomies()).toBe(b);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(String(fetchMock.mock.calls[0] as unknown[] | undefined)).toContain(
      '/api/v1/mailbox/taxonomies',
    );
  });

  it('asks again after a failure', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(jsonResponse(503, { type: '/problems/overloaded', status: 503 }))
      .mockResolvedValueOnce(jsonResponse(200, TAXONOMIES));
    vi.stubGlobal('fetch', fetchMock);
    await expect(loadTaxonomies()).rejects.toMatchObject({ status: 503 });
    expect(await loadTaxonomies()).toEqual(TAXONOMIES);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});

describe('the lists', () => {
  it('keep the server’s order; an officer registers from every channel but the web form', () => {
    expect(statusCodes(TAXONOMIES)).toEqual([
      'received',
      'verifying',
      'transferred',
      'resolved',
      'unfounded',
      'duplicate',
      'closed',
    ]);
    expect(kindCodes(TAXONOMIES)).toEqual([
      'denunciation',
      'crime_report',
      'security_report',
      'suggestion',
    ]);
    expect(registrableChannels(TAXONOMIES)).toEqual([
      'in_person',
      'phone',
      'post',
      'vneid',
      'transfer',
      'box',
    ]);
  });
});
