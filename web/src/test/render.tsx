// Test helpers: render a tree with the app's contexts into happy-dom, and fake fetch.
import type { ComponentChildren } from 'preact';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import type { SessionUser } from '../lib/capabilities';
import { createTranslator } from '../lib/i18n';
import type { Locale } from '../lib/schema';
import { SEARCH_DELAY_MS } from '../lib/unit-directory';
import { I18nContext } from '../lib/use-i18n';
import { SessionContext, type SessionValue } from '../lib/use-session';
import { testUser } from './fixtures';

/** The administrator of Việt Nam, with the administrator's capabilities (test/fixtures.ts). */
export const TEST_USER: SessionUser = testUser();

export interface Rendered {
  container: HTMLElement;
  setLocale: ReturnType<typeof vi.fn>;
  unmount: () => void;
}

export function renderWithApp(
  node: ComponentChildren,
  options: { locale?: Locale; session?: Partial<SessionValue> } = {},
): Rendered {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const locale = options.locale ?? 'vi';
  const setLocale = vi.fn();
  const session: SessionValue = {
    user: null,
    signIn: vi.fn(),
    refresh: vi.fn(async () => undefined),
    logout: vi.fn(async () => undefined),
    ...options.session,
  };
  act(() => {
    render(
      <I18nContext.Provider value={{ locale, t: createTranslator(locale), setLocale }}>
        <SessionContext.Provider value={session}>{node}</SessionContext.Provider>
      </I18nContext.Provider>,
      container,
    );
  });
  return {
    container,
    setLocale,
    unmount: () => {
      act(() => render(null, container));
      container.remove();
    },
  };
}

/** A JSON (or problem+json) Response. */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  const problem = typeof body === 'object' && body !== null && 'type' in body;
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': problem ? 'application/problem+json' : 'application/json',
      'X-Request-Id': 'req-1',
      ...headers,
    },
  });
}

/** The server's 422 problem refusing the given fields. */
export function validationProblem(
  errors: { field: string; code: string; message?: string; index?: number }[],
): Response {
  return jsonResponse(422, {
    type: '/problems/validation-failed',
    status: 422,
    errors: errors.map((error) => ({ message: '', ...error })),
  });
}

/** Let pending promises and Preact's re-renders run. */
export async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

export function type(input: Element | null, value: string): void {
  if (!(input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement))
    throw new Error('not an input');
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export function click(element: Element | null): void {
  if (!(element instanceof HTMLElement)) throw new Error('not an element');
  act(() => element.click());
}

/** Chooses `value` in a <select> as a person would. */
export function choose(select: Element | null, value: string): void {
  if (!(select instanceof HTMLSelectElement)) throw new Error('not a select');
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** The JSON body of the `call`-th request a fetch mock received. */
export function bodyOf(fetchMock: ReturnType<typeof vi.fn>, call = 0): unknown {
  const init = (fetchMock.mock.calls[call] as unknown[])[1] as RequestInit;
  return JSON.parse(String(init.body));
}

/** A key pressed in `element` (keydown, bubbling, cancelable). */
export function press(element: Element | null, key: string, init: KeyboardEventInit = {}): boolean {
  if (!(element instanceof HTMLElement)) throw new Error('not an element');
  let proceed = true;
  act(() => {
    proceed = element.dispatchEvent(
      new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }),
    );
  });
  return proceed;
}

/** The unit ids a unit picker offers (its list opened, as after typing). */
export function offeredUnits(input: Element | null): number[] {
  const listbox = document.getElementById(input?.getAttribute('aria-controls') ?? '');
  return Array.from(listbox?.querySelectorAll('[role="option"]') ?? []).map((o) =>
    Number(o.getAttribute('data-unit-id')),
  );
}

/** Chooses a unit in a unit picker as a person would: types `text`, clicks the unit's option. */
export function pickUnit(input: Element | null, text: string, unitId: number): void {
  type(input, text);
  const listbox = document.getElementById(input?.getAttribute('aria-controls') ?? '');
  const option = listbox?.querySelector(`[role="option"][data-unit-id="${unitId}"]`) ?? null;
  if (!option) throw new Error(`unit ${unitId} is not offered for "${text}"`);
  click(option);
}

/** Waits for the pause a directory search makes before asking the server, then its answer. */
export async function afterSearchPause(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, SEARCH_DELAY_MS + 20));
  });
  await settle();
  await settle();
}

/** Finds a unit in a unit directory search as a person would: types `text`, waits for the
 *  answer, clicks the unit's option. */
export async function findUnit(input: Element | null, text: string, unitId: number): Promise<void> {
  type(input, text);
  await afterSearchPause();
  const listbox = document.getElementById(input?.getAttribute('aria-controls') ?? '');
  const option = listbox?.querySelector(`[role="option"][data-unit-id="${unitId}"]`) ?? null;
  if (!option) throw new Error(`unit ${unitId} is not found for "${text}"`);
  click(option);
}
