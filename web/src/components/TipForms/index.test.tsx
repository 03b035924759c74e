import { afterEach, describe, expect, it, vi } from 'vitest';
import { tipDetail } from '../../test/fixtures';
import {
  bodyOf,
  choose,
  click,
  jsonResponse,
  renderWithApp,
  settle,
  type,
} from '../../test/render';
import { AssignControl, MessageForm, RevealForm, TransitionForm } from '.';

const TIP = tipDetail({ identity_mode: 'confidential' });

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('TransitionForm', () => {
  it('offers only the next statuses and asks for transfer details when transferring', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(200, { ...TIP, status: 'transferred' }));
    vi.stubGlobal('fetch', fetchMock);
    const onDone = vi.fn();
    const { container } = renderWithApp(<TransitionForm tip={TIP} onDone={onDone} />);
    const values = Array.from(container.querySelectorAll('#transition-status option')).map((o) =>
      o.getAttribute('value'),
    );
    expect(values).toEqual(['', 'verifying', 'transferred', 'duplicate']);
    expect(container.querySelector('#transition-transferred-to')).toBeNull();
    choose(container.querySelector('#transition-status'), 'transferred');
    type(container.querySelector('#transition-reason'), 'Đủ căn cứ');
    click(container.querySelector('#transition-form button[type="submit"]'));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(container.querySelector('#transition-transferred-to-error')?.textContent).toBe(
      'Bắt buộc nhập',
    );
    type(container.querySelector('#transition-transferred-to'), 'Cơ quan CSĐT');
    type(container.querySelector('#transition-minutes'), '15/BB-CAX');
    click(container.querySelector('#transition-form button[type="submit"]'));
    await settle();
    expect((fetchMock.mock.calls[0] as unknown[])[0]).toBe('/api/v1/tips/12/transitions');
    expect(bodyOf(fetchMock)).toEqual({
      status: 'transferred',
      reason: 'Đủ căn cứ',
      transferred_to: 'Cơ quan CSĐT',
      minutes_number: '15/BB-CAX',
    });
    expect(onDone.mock.calls[0]?.[1]).toBe('Đã chuyển tin số 12 sang “Đã chuyển”.');
  });

  it('asks for the original tip of a duplicate and says a closed tip cannot move', () => {
    const { container } = renderWithApp(
      <TransitionForm
        tip={{ ...TIP, status: 'verifying', next_statuses: ['transferred', 'resolved', 'unfounded', 'duplicate'] }}
        onDone={() => undefined}
      />,
    );
    choose(container.querySelector('#transition-status'), 'duplicate');
    expect(container.querySelector('#transition-duplicate-of')).not.toBeNull();
    const closed = renderWithApp(
      <TransitionForm tip={{ ...TIP, status: 'closed', next_statuses: [] }} onDone={() => undefined} />,
    );
    expect(closed.container.querySelector('#transition-form')).toBeNull();
    expect(closed.container.textContent).toContain('Tin đã đóng');
  });
});

describe('MessageForm', () => {
  it('sends an internal note with internal: true and confirms it', async () => {
    const fetchMock = vi.fn(async () =>
      jsonResponse(201, {
        id: 40,
        author: 'officer',
        author_name: 'officer.tantrao',
        internal: true,
        body: 'Ghi chú',
        created_at: '2026-11-28T10:00:00Z',
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const onSent = vi.fn();
    const { container } = renderWithApp(<MessageForm tipId={12} internal onSent={onSent} />);
    type(container.querySelector('#note-body'), ' Ghi chú ');
    click(container.querySelector('#note-form button[type="submit"]'));
    await settle();
    expect(bodyOf(fetchMock)).toEqual({ body: 'Ghi chú', internal: true });
    expect(onSent.mock.calls[0]?.[1]).toBe('Đã thêm ghi chú nội bộ.');
    expect((container.querySelector('#note-body') as HTMLTextAreaElement).value).toBe('');
  });

  it('sends a message to the tipster without the internal flag', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(201, { id: 41 }));
    vi.stubGlobal('fetch', fetchMock);
    const { container } = renderWithApp(
      <MessageForm tipId={12} internal={false} onSent={() => undefined} />,
    );
    type(container.querySelector('#message-body'), 'Bạn nhớ biển số không?');
    click(container.querySelector('#message-form button[type="submit"]'));
    await settle();
    expect(bodyOf(fetchMock)).toEqual({ body: 'Bạn nhớ biển số không?' });
  });
});

describe('AssignControl', () => {
  it('assigns the tip to the signed-in officer', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(200, { ...TIP, assignee_id: 2 }));
    vi.stubGlobal('fetch', fetchMock);
    const onDone = vi.fn();
    const { container } = renderWithApp(<AssignControl tip={TIP} userId={2} onDone={onDone} />);
    expect(container.querySelector('#unassign')).toBeNull();
    click(container.querySelector('#assign-me'));
    await settle();
    const init = (fetchMock.mock.calls[0] as unknown[])[1] as RequestInit;
    expect(init.method).toBe('PATCH');
    expect(bodyOf(fetchMock)).toEqual({ assignee_id: 2 });
    expect(onDone.mock.calls[0]?.[1]).toBe('Đã giao tin số 12 cho bạn.');
  });
});

describe('RevealForm', () => {
  it('says plainly that the officer has no permission on 403', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(403, { type: '/problems/forbidden', status: 403 })),
    );
    const { container } = renderWithApp(<RevealForm tip={TIP} onDone={() => undefined} />);
    type(container.querySelector('#reveal-reason'), 'Mời lên làm việc');
    click(container.querySelector('#reveal-form button[type="submit"]'));
    await settle();
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      'Bạn chưa được cấp quyền xem danh tính',
    );
    expect(container.querySelector('#identity')).toBeNull();
  });

  it('needs a reason, then shows the identity until hidden', async () => {
    const fetchMock = vi.fn(async () =>
      jsonResponse(200, { name: 'Trần Thị Bí Mật', phone: '0911000111', address: '' }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const onDone = vi.fn();
    const { container } = renderWithApp(<RevealForm tip={TIP} onDone={onDone} />);
    click(container.querySelector('#reveal-form button[type="submit"]'));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(container.querySelector('#reveal-reason-error')).not.toBeNull();
    type(container.querySelector('#reveal-reason'), 'Mời lên làm việc');
    click(container.querySelector('#reveal-form button[type="submit"]'));
    await settle();
    expect(bodyOf(fetchMock)).toEqual({ reason: 'Mời lên làm việc' });
    expect(container.querySelector('#identity-name')?.textContent).toBe('Trần Thị Bí Mật');
    expect(container.querySelector('#identity-address')?.textContent).toBe('Không nêu');
    expect(document.activeElement?.id).toBe('identity');
    click(container.querySelector('#identity button'));
    expect(container.querySelector('#identity')).toBeNull();
  });

  it('offers nothing for an anonymous tip', () => {
    const { container } = renderWithApp(
      <RevealForm tip={{ ...TIP, identity_mode: 'anonymous' }} onDone={() => undefined} />,
    );
    expect(container.querySelector('#reveal-form')).toBeNull();
    expect(container.textContent).toContain('ẩn danh');
  });
});
