import { afterEach, describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import { SubmitActions } from '.';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('SubmitActions', () => {
  it('says the label, or that it is sending while busy, with the other buttons after it', () => {
    const idle = renderWithApp(
      <SubmitActions busy={false} label="Lưu" class="danger">
        <button type="button">Đóng</button>
      </SubmitActions>,
    );
    const buttons = idle.container.querySelectorAll('.actions button');
    expect(Array.from(buttons).map((b) => b.textContent)).toEqual(['Lưu', 'Đóng']);
    expect(buttons[0]?.getAttribute('type')).toBe('submit');
    expect(buttons[0]?.className).toBe('danger');
    expect((buttons[0] as HTMLButtonElement).disabled).toBe(false);

    const busy = renderWithApp(<SubmitActions busy label="Lưu" />);
    const button = busy.container.querySelector('button') as HTMLButtonElement;
    expect(button.textContent).toBe('Đang gửi…');
    expect(button.disabled).toBe(true);
  });
});
