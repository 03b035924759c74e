import { afterEach, describe, expect, it, vi } from 'vitest';
import { click, renderWithApp, settle, TEST_USER } from '../../test/render';
import { DetailFrame, FactList, FactsPanel, recordId, useDetail } from '.';

interface Thing {
  id: number;
  name: string;
  demo: boolean;
}

afterEach(() => {
  document.body.innerHTML = '';
  document.title = '';
});

describe('recordId', () => {
  it('takes the id of the address when it is a number', () => {
    expect(recordId({ id: '42' })).toBe(42);
    expect(recordId({ id: '4x' })).toBeNull();
    expect(recordId({ id: '-1' })).toBeNull();
    expect(recordId({})).toBeNull();
  });
});

/** A page in the frame: buttons for what its forms would do. */
function Page({ id, get }: { id: string; get: (id: number) => Promise<Thing> }) {
  const detail = useDetail({ id }, get);
  const thing = detail.state.data;
  return (
    <DetailFrame
      back={{ href: '/things', label: 'Danh sách' }}
      title={thing ? thing.name : 'Các thứ'}
      detail={detail}
      staleTitle="Người khác vừa sửa."
      demoNote="Dữ liệu minh họa."
    >
      {(record) => (
        <>
          <FactsPanel id="thing-facts" heading="Thông tin" facts={[['Tên', record.name], ['Mã', <strong key="code">T-{record.id}</strong>]]} />
          <button type="button" id="changed" onClick={() => detail.changed('Đã lưu.')} />
          <button type="button" id="conflict" onClick={detail.conflict} />
          <button type="button" id="refresh" onClick={detail.refresh} />
          <button type="button" id="say" onClick={() => detail.say('Đã thêm ảnh.')} />
        </>
      )}
    </DetailFrame>
  );
}

describe('DetailFrame', () => {
  it('links back, titles the page and shows the record once it is here, with the demo note', async () => {
    let answer: (thing: Thing) => void = () => undefined;
    const get = vi.fn((_id: number) => new Promise<Thing>((resolve) => (answer = resolve)));
    const { container } = renderWithApp(<Page id="7" get={get} />, { session: { user: TEST_USER } });
    await settle();
    expect(get.mock.calls[0]?.[0]).toBe(7);
    expect(container.querySelector('a')?.getAttribute('href')).toBe('/things');
    expect(container.querySelector('a')?.textContent).toBe('←Danh sách');
    expect(container.querySelector('h1')?.textContent).toBe('Các thứ');
    expect(container.querySelector('p[role="status"]')?.textContent).toBe('Đang tải…');
    expect(container.querySelector('#thing-facts')).toBeNull();
    answer({ id: 7, name: 'Cổng chợ', demo: true });
    await settle();
    expect(container.querySelector('h1')?.textContent).toBe('Cổng chợ');
    expect(document.title).toBe('Cổng chợ — antq');
    expect(container.querySelector('p.muted')?.textContent).toBe('Dữ liệu minh họa.');
    const panel = container.querySelector('section.panel');
    expect(panel?.getAttribute('aria-labelledby')).toBe('thing-facts-heading');
    expect(panel?.querySelector('h2#thing-facts-heading')?.textContent).toBe('Thông tin');
    expect(Array.from(panel?.querySelectorAll('dl.facts#thing-facts > *') ?? []).map((e) => `${e.tagName} ${e.textContent}`)).toEqual([
      'DT Tên',
      'DD Cổng chợ',
      'DT Mã',
      'DD T-7',
    ]);
  });

  it('says what was written, loads again, and says when someone else changed the record', async () => {
    const get = vi.fn(async (id: number) => ({ id, name: 'Cổng chợ', demo: false }));
    const { container } = renderWithApp(<Page id="7" get={get} />, { session: { user: TEST_USER } });
    await settle();
    expect(container.querySelector('p.muted')).toBeNull();
    // After each write: the live region, the alert (or null) and how often the record was asked.
    const after = async (button: string) => {
      click(container.querySelector(`#${button}`));
      await settle();
      return [
        container.querySelector('[role="status"][aria-live]')?.textContent,
        container.querySelector('[role="alert"]')?.textContent ?? null,
        get.mock.calls.length,
      ];
    };
    expect(await after('changed')).toEqual(['Đã lưu.', null, 2]);
    expect(await after('conflict')).toEqual(['', 'Người khác vừa sửa.', 3]);
    // Loading again keeps the alert; a confirmation ends it.
    expect(await after('refresh')).toEqual(['', 'Người khác vừa sửa.', 4]);
    expect(await after('say')).toEqual(['Đã thêm ảnh.', null, 4]);
  });

  it('asks nothing for an address without a number, and says so', async () => {
    const get = vi.fn(async (id: number) => ({ id, name: 'x', demo: false }));
    const { container } = renderWithApp(<Page id="new" get={get} />, { session: { user: TEST_USER } });
    await settle();
    expect(get).not.toHaveBeenCalled();
    expect(container.querySelector('[role="alert"]')).not.toBeNull();
    expect(container.querySelector('#thing-facts')).toBeNull();
  });
});

describe('FactList', () => {
  it('lists labels and values without a panel', () => {
    const { container } = renderWithApp(<FactList facts={[['Chuông', 'Có']]} />);
    expect(container.innerHTML).toBe('<dl class="facts"><dt>Chuông</dt><dd>Có</dd></dl>');
  });
});
