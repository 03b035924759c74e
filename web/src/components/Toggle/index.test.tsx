import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { click, renderWithApp } from '../../test/render';
import { Toggle, ToggleSlot } from '.';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Toggle', () => {
  it('says whether what it controls is open, and names it when told', () => {
    const onOpen = vi.fn();
    const { container } = renderWithApp(<Toggle id="t" controls="slot" open={false} label="Sửa" about="Bình 4 kg" onOpen={onOpen} />);
    const button = container.querySelector('button#t');
    expect(button?.getAttribute('aria-expanded')).toBe('false');
    expect(button?.getAttribute('aria-controls')).toBe('slot');
    expect(button?.textContent).toBe('Sửa (Bình 4 kg)');
    expect(button?.querySelector('.visually-hidden')).not.toBeNull();
    click(button);
    expect(onOpen).toHaveBeenCalledWith(true);
  });
});

function Harness() {
  const [open, setOpen] = useState(false);
  return (
    <ToggleSlot id="thing-edit-toggle" slot="thing-edit-slot" open={open} label="Sửa thông tin" onOpen={setOpen}>
      <form id="thing-edit" />
    </ToggleSlot>
  );
}

describe('ToggleSlot', () => {
  it('keeps its slot in the page and holds the form there only while open', () => {
    const { container } = renderWithApp(<Harness />);
    const toggle = container.querySelector('p.actions > button#thing-edit-toggle');
    expect(toggle?.getAttribute('aria-controls')).toBe('thing-edit-slot');
    expect(container.querySelector('#thing-edit-slot')?.innerHTML).toBe('');
    click(toggle);
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    expect(container.querySelector('#thing-edit-slot > form#thing-edit')).not.toBeNull();
    click(toggle);
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    expect(container.querySelector('#thing-edit')).toBeNull();
  });
});
