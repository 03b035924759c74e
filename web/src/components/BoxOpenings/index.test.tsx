import { afterEach, describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import { boxOpening } from '../../test/fixtures';
import { BoxOpenings, registerLetterUrl } from '.';

const OPENING = boxOpening({
  registered: 1,
  number: '07/BB-CAX',
  notes: 'Hòm còn nguyên niêm phong.',
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('BoxOpenings', () => {
  it('lists openings newest first with people, counts, minutes and the register link', () => {
    const { container } = renderWithApp(
      <BoxOpenings
        openings={[
          { ...OPENING, id: 4, opened_at: '2026-11-01T02:00:00Z', registered: 2 },
          OPENING,
        ]}
        canRegister
      />,
    );
    const rows = container.querySelectorAll('#openings-table tbody tr');
    expect(Array.from(rows).map((r) => r.getAttribute('data-opening-id'))).toEqual(['5', '4']);
    const row = rows[0]!;
    expect(row.textContent).toContain('28/11/2026 09:00');
    expect(row.textContent).toContain('Nguyễn Văn An — Trưởng Công an xã');
    expect(row.textContent).toContain('1/2 đã vào sổ');
    expect(row.textContent).toContain('07/BB-CAX');
    expect(row.textContent).toContain('Hòm còn nguyên niêm phong.');
    expect(row.textContent).toContain('officer.tantrao');
    expect(row.querySelector('[data-minutes]')?.getAttribute('href')).toBe(
      '/api/v1/mailbox/openings/5/minutes.docx',
    );
    const register = row.querySelector('[data-register]');
    expect(register?.getAttribute('href')).toBe('/mailbox/new?channel=box&opening=5');
    expect(register?.getAttribute('aria-describedby')).toBe('opening-5-name');
    expect(container.querySelector('#opening-5-name')?.textContent).toBe('Lần mở #5');
    // Every letter of the older opening is registered: no link, said in words.
    expect(rows[1]!.querySelector('[data-register]')).toBeNull();
    expect(rows[1]!.querySelector('[data-register-done]')?.textContent).toBe('Đã vào sổ đủ thư');
  });

  it('lets reviewers download the minutes but not register letters', () => {
    const { container } = renderWithApp(<BoxOpenings openings={[OPENING]} canRegister={false} />);
    expect(container.querySelector('[data-minutes]')).not.toBeNull();
    expect(container.querySelector('[data-register]')).toBeNull();
    expect(container.querySelector('[data-register-done]')).toBeNull();
    const empty = renderWithApp(<BoxOpenings openings={[]} canRegister />);
    expect(empty.container.querySelector('#openings-empty')?.textContent).toBe(
      'Hòm này chưa mở lần nào.',
    );
    expect(registerLetterUrl(9)).toBe('/mailbox/new?channel=box&opening=9');
  });
});
