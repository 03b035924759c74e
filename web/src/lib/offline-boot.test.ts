import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api';
import { bootSession, forgetUser, lastUser, rememberUser } from './offline-boot';
import { testUser } from '../test/fixtures';
import type { Session } from './schema';

const KEPT = testUser({ role: 'team_member', username: 'team.khuondien' });
const SESSION = { csrf_token: 'token', user: KEPT, capabilities: KEPT.capabilities } as unknown as Session;

const answers = (session: Session) => async () => session;
const refuses = (error: unknown) => async (): Promise<Session> => {
  throw error;
};
const kept = async () => KEPT;
const nobodyKept = async () => undefined;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('bootSession', () => {
  it('boots online with the session the server answers, without reading the user kept', async () => {
    const lastUser = vi.fn(kept);
    expect(await bootSession(answers(SESSION), lastUser)).toEqual({ mode: 'online', session: SESSION });
    expect(lastUser).not.toHaveBeenCalled();
  });

  it('boots offline with the user kept when no answer comes', async () => {
    const network = new ApiError({ status: 0, slug: 'network' });
    expect(await bootSession(refuses(network), kept)).toEqual({ mode: 'offline', user: KEPT });
  });

  it('goes to the sign-in page on a 401, even with a user kept', async () => {
    const expired = new ApiError({ status: 401, slug: 'unauthenticated' });
    expect(await bootSession(refuses(expired), kept)).toEqual({ mode: 'signed-out' });
  });

  it('goes to the sign-in page on any other answer of the server', async () => {
    const failed = new ApiError({ status: 502, slug: 'http-502' });
    expect(await bootSession(refuses(failed), kept)).toEqual({ mode: 'signed-out' });
  });

  it('goes to the sign-in page, as before, when no answer comes and no user is kept', async () => {
    const network = new ApiError({ status: 0, slug: 'network' });
    expect(await bootSession(refuses(network), nobodyKept)).toEqual({ mode: 'signed-out' });
    const broken = async () => Promise.reject(new Error('IndexedDB refused'));
    expect(await bootSession(refuses(network), broken)).toEqual({ mode: 'signed-out' });
  });
});

describe('the user kept', () => {
  it('is never an error where IndexedDB is missing', async () => {
    vi.stubGlobal('indexedDB', undefined);
    await expect(rememberUser(KEPT)).resolves.toBeUndefined();
    await expect(lastUser()).resolves.toBeUndefined();
    await expect(forgetUser()).resolves.toBeUndefined();
  });

  it('is kept at sign-in and forgotten at sign-out', async () => {
    vi.stubGlobal('indexedDB', new IDBFactory());
    expect(await lastUser()).toBeUndefined();
    await rememberUser(KEPT);
    expect(await lastUser()).toEqual(KEPT);
    await forgetUser();
    expect(await lastUser()).toBeUndefined();
  });
});
