import { afterEach, describe, expect, it, vi } from 'vitest';
import { TAXONOMIES } from '../test/fixtures';
import { jsonResponse } from '../test/render';
import type { CameraTaxonomies } from './schema';
import {
  cameraCodes,
  kindCodes,
  loadCameraTaxonomies,
  loadTaxonomies,
  registrableChannels,
  resetCameraTaxonomies,
  resetTaxonomies,
  statusCodes,
} from './taxonomies';

afterEach(() => {
  vi.unstubAllGlobals();
  resetTaxonomies();
  resetCameraTaxonomies();
});

const label = (vi: string, en: string) => ({ vi, en });
const CAMERA_TAXONOMIES: CameraTaxonomies = {
  owner_kinds: [{ code: 'school', label: label('Trường học', 'School') }, { code: 'public', label: label('Công cộng', 'Public') }],
  statuses: [{ code: 'working', label: label('Hoạt động', 'Working') }],
  sharings: [],
  storages: [],
  fundings: [],
  check_results: [{ code: 'unreachable', label: label('Không liên lạc được', 'Unreachable') }],
};

describe('loadCameraTaxonomies', () => {
  it('asks the camera registry once, and its codes keep the server’s order', async () => {
    const fetchMock = vi.fn(async (_url: string) => jsonResponse(200, CAMERA_TAXONOMIES));
    vi.stubGlobal('fetch', fetchMock);
    const [a] = await Promise.all([loadCameraTaxonomies(), loadCameraTaxonomies()]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe('/api/v1/cameras/taxonomies');
    expect(cameraCodes(a, 'owner_kinds')).toEqual(['school', 'public']);
    expect(cameraCodes(a, 'check_results')).toEqual(['unreachable']);
    expect(cameraCodes(undefined, 'statuses')).toEqual([]); // not loaded yet: no choices
  });
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
