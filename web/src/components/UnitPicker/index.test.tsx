import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { unitNode } from '../../test/fixtures';
import { click, offeredUnits, press, renderWithApp, type } from '../../test/render';
import type { UnitKind, UnitNode } from '../../lib/schema';
import { MAX_OPTIONS, UnitPicker, type UnitPickerProps } from '.';

function unit(
  id: number,
  kind: UnitKind,
  name: string,
  designation: string,
  children: UnitNode[] = [],
  code = `U${id}`,
): UnitNode {
  return unitNode({ id, kind, name, designation, code, children });
}

// Two communes, each with a "Thôn 1"; Tân Trào's code is 02512.
const TREE: UnitNode[] = [
  unit(1, 'country', 'Việt Nam', '', [
    unit(2, 'province', 'Tuyên Quang', 'tỉnh', [
      unit(
        12,
        'commune',
        'Tân Trào',
        'xã',
        [
          unit(21, 'residential_area', 'Thôn 1', ''),
          unit(22, 'residential_area', 'Khuôn Điển', 'thôn'),
          unit(23, 'residential_area', 'Đồng Đàm', 'thôn'),
        ],
        '02512',
      ),
      unit(13, 'commune', 'Kim Quan', 'xã', [unit(31, 'residential_area', 'Thôn 1', '')]),
    ]),
  ]),
];

type HarnessProps = Partial<UnitPickerProps> & { initial?: number | null };

/** The picker in a form, its value kept in state as a page keeps it. */
function Harness({ initial = null, onValue, ...props }: HarnessProps) {
  const [value, setValue] = useState<number | null>(initial);
  return (
    <form id="f" onSubmit={(event) => event.preventDefault()}>
      <UnitPicker
        id="unit"
        label="Đơn vị"
        roots={TREE}
        {...props}
        value={value}
        onValue={(id) => {
          setValue(id);
          onValue?.(id);
        }}
      />
    </form>
  );
}

function setup(props: HarnessProps = {}, locale: 'vi' | 'en' = 'vi') {
  const rendered = renderWithApp(<Harness {...props} />, { locale });
  const input = rendered.container.querySelector<HTMLInputElement>('#unit');
  if (!input) throw new Error('no input');
  const listbox = () => document.getElementById(input.getAttribute('aria-controls') ?? '');
  const options = () => Array.from(listbox()?.querySelectorAll('[role="option"]') ?? []);
  const hidden = () => rendered.container.querySelector<HTMLInputElement>('input[type=hidden]');
  return { ...rendered, input, listbox, options, hidden };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('UnitPicker', () => {
  it('is a labelled combobox controlling a listbox', () => {
    const { container, input, listbox } = setup({ required: true });
    expect(input.getAttribute('role')).toBe('combobox');
    expect(input.getAttribute('aria-autocomplete')).toBe('list');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.getAttribute('aria-required')).toBe('true');
    expect(input.hasAttribute('aria-activedescendant')).toBe(false);
    const label = container.querySelector('label[for="unit"]');
    expect(label?.textContent).toBe('Đơn vị (bắt buộc)');
    expect(listbox()?.getAttribute('role')).toBe('listbox');
    expect(listbox()?.getAttribute('aria-labelledby')).toBe(label?.id);
    expect(listbox()?.hidden).toBe(true);
    // How to use it is said to screen readers.
    const help = document.getElementById(input.getAttribute('aria-describedby') ?? '');
    expect(help?.textContent).toMatch(/không cần dấu/);
  });

  it('finds units by every word in any order, without tones, đ as d, and by code', () => {
    const { input } = setup();
    type(input, 'tan trao');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(offeredUnits(input)).toEqual([12]);
    type(input, 'TRÀO tân');
    expect(offeredUnits(input)).toEqual([12]);
    type(input, 'dong dam');
    expect(offeredUnits(input)).toEqual([23]);
    type(input, 'Đồng');
    expect(offeredUnits(input)).toEqual([23]);
    type(input, '02512');
    expect(offeredUnits(input)).toEqual([12]);
    // A word matching only the units above comes after the unit's own matches.
    type(input, 'thon 1 kim quan');
    expect(offeredUnits(input)).toEqual([31]);
    type(input, 'xyz');
    expect(offeredUnits(input)).toEqual([]);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    const none = document.getElementById('unit-more');
    expect(none?.textContent).toBe('Không có đơn vị nào khớp.');
  });

  it('tells two villages of the same name apart by what they are and where they lie', () => {
    const { input, options } = setup();
    type(input, 'thon 1');
    // Siblings by name: Kim Quan's village first.
    expect(offeredUnits(input)).toEqual([31, 21]);
    const texts = options().map((o) => o.textContent);
    expect(texts[1]).toBe(
      'Thôn 1, Thôn, tổ dân phố · U21, · thuộc Xã Tân Trào › Tỉnh Tuyên Quang',
    );
    expect(texts[0]).toContain('thuộc Xã Kim Quan › Tỉnh Tuyên Quang');
    expect(options()[0]?.getAttribute('aria-selected')).toBe('false');
  });

  it('moves with the arrow keys, Home and End, and chooses with Enter', () => {
    const onValue = vi.fn();
    const { input, options, hidden } = setup({ onValue });
    // Down opens the list on its first option.
    expect(press(input, 'ArrowDown')).toBe(false);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const ids = options().map((o) => o.id);
    expect(ids.length).toBe(8);
    expect(input.getAttribute('aria-activedescendant')).toBe(ids[0]);
    press(input, 'ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe(ids[1]);
    press(input, 'End');
    expect(input.getAttribute('aria-activedescendant')).toBe(ids[7]);
    press(input, 'ArrowDown'); // wraps
    expect(input.getAttribute('aria-activedescendant')).toBe(ids[0]);
    press(input, 'ArrowUp'); // wraps back
    expect(input.getAttribute('aria-activedescendant')).toBe(ids[7]);
    press(input, 'Home');
    expect(input.getAttribute('aria-activedescendant')).toBe(ids[0]);

    type(input, 'khuon');
    expect(input.hasAttribute('aria-activedescendant')).toBe(false);
    press(input, 'ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe('unit-option-22');
    // Enter chooses and does not send the form.
    expect(press(input, 'Enter')).toBe(false);
    expect(onValue).toHaveBeenCalledWith(22);
    expect(input.value).toBe('Thôn Khuôn Điển');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.hasAttribute('aria-activedescendant')).toBe(false);
    expect(hidden()?.value).toBe('22');
    // With the list closed, Enter is the form's.
    expect(press(input, 'Enter')).toBe(true);

    // Opened again, the chosen unit is under the keyboard and marked selected.
    press(input, 'ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe('unit-option-22');
    expect(document.getElementById('unit-option-22')?.getAttribute('aria-selected')).toBe('true');
  });

  it('Escape closes the list and puts back the chosen name', () => {
    const onValue = vi.fn();
    const { input } = setup({ initial: 12, onValue });
    expect(input.value).toBe('Xã Tân Trào');
    type(input, 'kim');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(press(input, 'Escape')).toBe(false);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.value).toBe('Xã Tân Trào');
    expect(onValue).not.toHaveBeenCalled();
  });

  it('Alt+ArrowUp closes the list and puts back the chosen name, as Enter then sends it', () => {
    const onValue = vi.fn();
    const { input } = setup({ initial: 12, onValue });
    type(input, 'kim');
    press(input, 'ArrowUp', { altKey: true });
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.value).toBe('Xã Tân Trào');
    expect(onValue).not.toHaveBeenCalled();
  });

  it('an Enter that confirms a word of an input method chooses nothing', () => {
    const onValue = vi.fn();
    const { input } = setup({ onValue });
    type(input, 'kim quan');
    expect(press(input, 'Enter', { isComposing: true })).toBe(true);
    expect(onValue).not.toHaveBeenCalled();
    press(input, 'Enter');
    expect(onValue).toHaveBeenLastCalledWith(13);
  });

  it('chooses the only match with Enter, and a clicked option', () => {
    const onValue = vi.fn();
    const { input, options } = setup({ onValue });
    type(input, 'kim quan');
    press(input, 'Enter');
    expect(onValue).toHaveBeenLastCalledWith(13);
    type(input, 'thon 1');
    click(options()[1] ?? null);
    expect(onValue).toHaveBeenLastCalledWith(21);
    expect(input.value).toBe('Thôn 1');
  });

  it('offers only the units the filter accepts', () => {
    const { input } = setup({ accept: (u) => u.kind === 'commune' });
    press(input, 'ArrowDown');
    expect(offeredUnits(input)).toEqual([13, 12]);
    type(input, 'thon');
    expect(offeredUnits(input)).toEqual([]);
  });

  it('draws at most 50 options and asks to type more', () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      unit(100 + i, 'residential_area', `Thôn ${i + 1}`, '', [], `V${i + 1}`),
    );
    const roots = [unit(12, 'commune', 'Tân Trào', 'xã', many)];
    const { input } = setup({ roots });
    type(input, 'thon');
    expect(offeredUnits(input).length).toBe(MAX_OPTIONS);
    expect(offeredUnits(input).slice(0, 3)).toEqual([100, 101, 102]); // Thôn 1, 2, 3
    const more = document.getElementById('unit-more');
    expect(more?.textContent).toBe(
      'Đang hiện 50 trong 120 đơn vị khớp — gõ thêm để thu hẹp.',
    );
    expect(input.getAttribute('aria-describedby')).toContain('unit-more');
    expect(document.querySelector('[role="status"]')?.textContent).toBe(more?.textContent);
    type(input, 'thon 107');
    expect(offeredUnits(input)).toEqual([206]);
    expect(document.getElementById('unit-more')).toBeNull();
    expect(document.querySelector('[role="status"]')?.textContent).toBe('1 đơn vị khớp.');
  });

  it('clears the choice with its button, which gives the focus back', () => {
    const onValue = vi.fn();
    const { container, input, hidden } = setup({ initial: 22, onValue });
    const clear = container.querySelector('#unit-clear');
    expect(clear?.getAttribute('aria-label')).toBe('Bỏ chọn Thôn Khuôn Điển');
    click(clear);
    expect(onValue).toHaveBeenCalledWith(null);
    expect(input.value).toBe('');
    expect(hidden()?.value).toBe('');
    expect(document.activeElement).toBe(input);
    expect(container.querySelector('#unit-clear')).toBeNull();
  });

  it('emptying the text and leaving clears the choice; other text goes back', () => {
    const onValue = vi.fn();
    const { input } = setup({ initial: 22, onValue });
    type(input, 'kim');
    input.dispatchEvent(new FocusEvent('blur'));
    expect(onValue).not.toHaveBeenCalled();
    type(input, '');
    input.dispatchEvent(new FocusEvent('blur'));
    expect(onValue).toHaveBeenCalledWith(null);
  });

  it('sends the id with its form under its name', () => {
    const { container, input } = setup({ name: 'unit_id' });
    type(input, 'kim quan');
    press(input, 'Enter');
    const form = container.querySelector('form');
    if (!form) throw new Error('no form');
    expect(new FormData(form).get('unit_id')).toBe('13');
    // The text typed is not sent.
    expect([...new FormData(form).keys()]).toEqual(['unit_id']);
  });

  it('names a chosen unit outside the tree by the given label', () => {
    const { input } = setup({ initial: 999, valueLabel: 'Xã Cũ' });
    expect(input.value).toBe('Xã Cũ');
  });

  it('marks an error and can be disabled', () => {
    const { input, container } = setup({ error: 'Bắt buộc nhập', disabled: true });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('unit-error');
    expect(container.querySelector('#unit-error')?.textContent).toBe('Bắt buộc nhập');
    expect(input.disabled).toBe(true);
    press(input, 'ArrowDown');
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('speaks English', () => {
    const { input, options } = setup({}, 'en');
    type(input, 'thon 1');
    expect(options()[1]?.textContent).toBe(
      'Thôn 1, Village or residential group · U21, · in Xã Tân Trào › Tỉnh Tuyên Quang',
    );
    type(input, 'nothing here');
    expect(document.getElementById('unit-more')?.textContent).toBe('No unit matches.');
  });
});
