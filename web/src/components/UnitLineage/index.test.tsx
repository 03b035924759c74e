import { afterEach, describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import type { UnitMergeLink } from '../../lib/schema';
import { UnitLineage } from '.';

const link = (over: Partial<UnitMergeLink>): UnitMergeLink => ({
  id: 1,
  code: '08-X-KIM-PHU',
  name: 'Kim Phú',
  kind: 'commune',
  designation: 'xã',
  date: '2025-07-01',
  main: true,
  part: '',
  basis: 'Nghị quyết 1684/NQ-UBTVQH15',
  linked: true,
  ...over,
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('UnitLineage', () => {
  it('lists what a unit was formed from, each linked, with its code and date', () => {
    const { container } = renderWithApp(
      <UnitLineage
        formedFrom={[link({ id: 3, code: '08-X-KIM-QUAN', name: 'Kim Quan' }), link({ id: 5, name: 'Trung Yên', code: '08-X-TRUNG-YEN' })]}
        successors={[]}
      />,
    );
    expect(container.querySelector('#unit-formed-from-heading')?.textContent).toBe('Hình thành từ');
    const items = [...container.querySelectorAll('#unit-formed-from li')].map((li) => li.textContent);
    expect(items[0]).toContain('Xã Kim Quan');
    expect(items[0]).toContain('08-X-KIM-QUAN · 01/07/2025');
    expect(container.querySelector('#unit-formed-from a')?.getAttribute('href')).toBe('/units/3');
    expect(container.querySelector('#unit-successors')).toBeNull();
  });

  it('marks the successor a split unit rolls up to and says which part went where', () => {
    const { container } = renderWithApp(
      <UnitLineage
        formedFrom={[]}
        successors={[
          link({ id: 7, code: '02215', name: 'Minh Xuân', kind: 'ward', designation: 'phường', part: 'phần còn lại sau khi sáp nhập vào phường Mỹ Lâm' }),
          link({ id: 8, code: '02509', name: 'Mỹ Lâm', kind: 'ward', designation: 'phường', main: false, linked: false }),
        ]}
      />,
      { locale: 'en' },
    );
    const items = [...container.querySelectorAll('#unit-successors li')].map((li) => li.textContent ?? '');
    expect(container.querySelector('#unit-successors-heading')?.textContent).toBe('Went into');
    expect(items[0]).toContain('phần còn lại sau khi sáp nhập vào phường Mỹ Lâm');
    expect(items[0]).toContain('receives its records');
    expect(items[1]).not.toContain('receives its records');
    const links = [...container.querySelectorAll('#unit-successors a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/units/7']);  // Mỹ Lâm is outside the caller's scope: named, not linked
  });
});
