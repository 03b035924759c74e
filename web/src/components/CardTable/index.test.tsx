import { afterEach, describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import { CardTable } from '.';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('CardTable', () => {
  it('heads the columns, names the table by its heading and holds the rows', () => {
    const { container } = renderWithApp(
      <CardTable id="t" class="extra" labelledBy="h" busy={false} columns={['Số tin', 'Loại']}>
        <tr>
          <td data-label="Số tin">1</td>
          <td data-label="Loại">Góp ý</td>
        </tr>
      </CardTable>,
    );
    const table = container.querySelector('.table-wrap > table#t');
    expect(table?.className).toBe('data cards extra');
    expect(table?.getAttribute('aria-labelledby')).toBe('h');
    expect(table?.getAttribute('aria-busy')).toBe('false');
    const headings = Array.from(container.querySelectorAll('thead th[scope="col"]'));
    expect(headings.map((th) => th.textContent)).toEqual(['Số tin', 'Loại']);
    expect(container.querySelectorAll('tbody tr td')).toHaveLength(2);
  });

  it('leaves out what it is not given and puts a caption first', () => {
    const { container } = renderWithApp(
      <CardTable caption={<caption>Lỗi</caption>} columns={['Dòng']}>
        {null}
      </CardTable>,
    );
    const table = container.querySelector('table');
    expect(table?.className).toBe('data cards');
    expect(table?.hasAttribute('aria-busy')).toBe(false);
    expect(table?.hasAttribute('aria-labelledby')).toBe(false);
    expect(table?.firstElementChild?.tagName).toBe('CAPTION');
  });
});
