import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetTaxonomies, registrableChannels } from '../lib/taxonomies';
import { boxOpening, COMMUNE, TAXONOMIES, testUser } from '../test/fixtures';
import {
  choose,
  click,
  jsonResponse,
  renderWithApp,
  settle,
  type,
} from '../test/render';
import { readRegisterParams, RegisterTipPage } from './tip-new';

const OFFICER = testUser({ id: 2, role: 'officer', unit_id: 12 });

const OPENING = boxOpening();

const CHANNELS = registrableChannels(TAXONOMIES);

afterEach(() => {
  vi.unstubAllGlobals();
  resetTaxonomies();
  document.body.innerHTML = '';
  window.history.replaceState(null, '', '/');
});

describe('readRegisterParams', () => {
  it('reads the channel and the opening; an opening means the box channel', () => {
    expect(readRegisterParams(new URLSearchParams('channel=phone'), CHANNELS)).toEqual({
      channel: 'phone',
      openingId: null,
    });
    expect(readRegisterParams(new URLSearchParams('opening=5'), CHANNELS)).toEqual({
      channel: 'box',
      openingId: 5,
    });
    expect(readRegisterParams(new URLSearchParams('channel=web&opening=x'), CHANNELS)).toEqual({
      channel: '',
      openingId: null,
    });
  });
});

describe('RegisterTipPage', () => {
  it('comes from a box page with the opening chosen, and confirms the registered letter', async () => {
    window.history.replaceState(null, '', '/mailbox/new?channel=box&opening=5');
    const fetchMock = vi.fn(async (url: string) => {
      if (url === '/api/v1/mailbox/taxonomies') return jsonResponse(200, TAXONOMIES);
      if (url.startsWith('/api/v1/units/tree')) return jsonResponse(200, { roots: [COMMUNE] });
      if (url === '/api/v1/mailbox/openings/5') return jsonResponse(200, OPENING);
      if (url === '/api/v1/mailbox/boxes?unit_id=12')
        return jsonResponse(200, { items: [{ id: 3, unit_id: 12, openings: 1 }] });
      if (url === '/api/v1/mailbox/boxes/3/openings')
        return jsonResponse(200, { items: [OPENING] });
      if (url === '/api/v1/tips')
        return jsonResponse(201, {
          tip: { id: 31, unit_id: 12, channel: 'box', box_opening_id: 5 },
          receipt: '1234-5678-9012',
        });
      return jsonResponse(404, { type: '/problems/not-found', status: 404 });
    });
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(<RegisterTipPage params={{}} />, {
      session: { user: OFFICER },
    });
    await settle();
    await settle();
    expect((container.querySelector('#register-channel') as HTMLSelectElement).value).toBe('box');
    expect((container.querySelector('#register-opening') as HTMLSelectElement).value).toBe('5');
    choose(container.querySelector('#register-kind'), 'denunciation');
    type(container.querySelector('#register-description'), 'Thư tố giác');
    click(container.querySelector('#register-issue-receipt'));
    click(container.querySelector('#register-form button[type="submit"]'));
    await settle();
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Đã vào sổ tin số 31.');
    expect(container.querySelector('#register-receipt')?.textContent).toContain('1234-5678-9012');
    expect(container.querySelector('#register-open-tip')?.getAttribute('href')).toBe('/mailbox/31');
    expect(container.querySelector('#register-form')).toBeNull();
    // The next letter of the same opening.
    click(container.querySelector('#register-done button'));
    await settle();
    expect((container.querySelector('#register-channel') as HTMLSelectElement).value).toBe('box');
    expect((container.querySelector('#register-opening') as HTMLSelectElement).value).toBe('5');
    expect((container.querySelector('#register-description') as HTMLTextAreaElement).value).toBe(
      '',
    );
  });
});
