import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Camera } from '../../lib/schema';
import { jsonResponse, renderWithApp, settle } from '../../test/render';
import { WaitingPanel } from './actions';

const CAMERA = { id: 9, code: '02545-CAM-0031', confirmed: false, version: 3 } as Camera;

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('WaitingPanel', () => {
  it('says an owner registered the camera and lets an officer confirm it', async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => jsonResponse(200, { ...CAMERA, confirmed: true }));
    vi.stubGlobal('fetch', fetchMock);
    const done = vi.fn();
    const { container } = renderWithApp(<WaitingPanel camera={CAMERA} canConfirm onDone={done} onStale={() => {}} />);
    expect(container.querySelector('#camera-waiting h2')?.textContent).toBe('Chủ camera tự đăng ký — chờ xác nhận');
    (container.querySelector('#camera-confirm') as HTMLButtonElement).click();
    await settle();
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe('/api/v1/cameras/9/confirm');
    expect(JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body))).toEqual({ version: 3 }); // the version shown
    expect(done).toHaveBeenCalledWith('Đã xác nhận camera 02545-CAM-0031.');
  });

  it('says the owner changed the camera meanwhile, and has the page load it again', async () => {
    const fetchMock = vi.fn(async (_url: string) =>
      jsonResponse(409, { type: '/problems/conflict', title: 'Xung đột dữ liệu', status: 409 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const done = vi.fn();
    const stale = vi.fn();
    const { container } = renderWithApp(<WaitingPanel camera={CAMERA} canConfirm onDone={done} onStale={stale} />);
    (container.querySelector('#camera-confirm') as HTMLButtonElement).click();
    await settle();
    expect(stale).toHaveBeenCalledTimes(1);
    expect(done).not.toHaveBeenCalled();
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Camera vừa được thay đổi');
  });

  it('shows no button to those who may not confirm, and nothing for a confirmed camera', () => {
    const { container } = renderWithApp(<WaitingPanel camera={CAMERA} canConfirm={false} onDone={() => {}} onStale={() => {}} />);
    expect(container.querySelector('#camera-waiting')).not.toBeNull();
    expect(container.querySelector('#camera-confirm')).toBeNull();
    const confirmed = renderWithApp(<WaitingPanel camera={{ ...CAMERA, confirmed: true }} canConfirm onDone={() => {}} onStale={() => {}} />);
    expect(confirmed.container.querySelector('#camera-waiting')).toBeNull();
  });
});
