import { afterEach, describe, expect, it, vi } from 'vitest';
import { click, renderWithApp } from '../../test/render';
import { unitNode as node } from '../../test/fixtures';
import { UnitTree } from '.';

const roots = [
  node({
    children: [
      node({
        id: 3,
        code: '02509',
        name: 'Kim Quan',
        kind: 'commune',
        designation: 'xã',
        valid_to: '2025-06-30',
        merged_into: 4,
        active: false,
      }),
      node({ id: 4, code: '02512', name: 'Tân Trào', kind: 'commune', designation: 'xã' }),
      node({
        id: 6,
        code: '02515',
        name: 'Trung Yên',
        kind: 'commune',
        designation: 'xã',
        valid_to: '2020-01-01',
        active: false,
      }),
    ],
  }),
];

afterEach(() => {
  document.body.innerHTML = '';
});

describe('UnitTree', () => {
  it('shows children only when expanded and says so with aria-expanded', () => {
    const onToggle = vi.fn();
    const closed = renderWithApp(
      <UnitTree
        roots={roots}
        selectedId={null}
        expanded={new Set()}
        onToggle={onToggle}
        nameOf={() => ''}
        label="Cây"
      />,
    );
    const button = closed.container.querySelector('li[data-unit-id="1"] button');
    expect(button?.getAttribute('aria-expanded')).toBe('false');
    expect(button?.textContent).toContain('Mở rộng Việt Nam');
    expect(closed.container.querySelector('li[data-unit-id="4"]')).toBeNull();
    click(button ?? null);
    expect(onToggle).toHaveBeenCalledWith(1);
  });

  it('greys out merged and ended units and says why', () => {
    const { container } = renderWithApp(
      <UnitTree
        roots={roots}
        selectedId={4}
        expanded={new Set([1])}
        onToggle={() => undefined}
        nameOf={(id) => (id === 4 ? 'Xã Tân Trào' : `#${id}`)}
        label="Cây"
      />,
    );
    expect(container.querySelector('li[data-unit-id="3"]')?.textContent).toContain(
      '(đã sáp nhập vào Xã Tân Trào)',
    );
    expect(container.querySelector('li[data-unit-id="6"]')?.textContent).toContain(
      '(hết hiệu lực 01/01/2020)',
    );
    expect(container.querySelector('a[aria-current="page"]')?.getAttribute('href')).toBe(
      '/units/4',
    );
  });
});
