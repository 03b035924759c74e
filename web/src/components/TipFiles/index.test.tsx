import { afterEach, describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import type { TipFile } from '../../lib/schema';
import { TipFiles } from '.';

const FILES: TipFile[] = [
  {
    id: 3,
    name: 'IMG_2041.jpg',
    mime: 'image/jpeg',
    size: 48_300,
    author: 'tipster',
    created_at: '2026-11-28T10:00:00Z',
  },
  {
    id: 4,
    name: 'biên bản.pdf',
    mime: 'application/pdf',
    size: 2_400_000,
    author: 'officer',
    created_at: '2026-11-28T11:00:00Z',
  },
];

afterEach(() => {
  document.body.innerHTML = '';
});

describe('TipFiles', () => {
  it('lists each file with kind, size, sender and date; previews photos; links downloads', () => {
    const { container } = renderWithApp(<TipFiles tipId={12} files={FILES} readable />);
    const rows = container.querySelectorAll('#tip-files tbody tr');
    expect(rows).toHaveLength(2);
    const photo = rows[0]!;
    expect(photo.textContent).toContain('IMG_2041.jpg');
    expect(photo.textContent).toContain('Ảnh');
    expect(photo.textContent).toContain('47,2 KB');
    expect(photo.textContent).toContain('Người gửi tin');
    expect(photo.textContent).toMatch(/28\/11\/2026 \d\d:00/);
    const img = photo.querySelector('img');
    expect(img?.getAttribute('src')).toBe('/api/v1/tips/12/files/3');
    expect(img?.getAttribute('alt')).toBe('IMG_2041.jpg');
    expect(img?.getAttribute('loading')).toBe('lazy');
    const preview = img?.closest('a');
    expect(preview?.getAttribute('href')).toBe('/api/v1/tips/12/files/3');
    expect(preview?.getAttribute('target')).toBe('_blank');
    const pdf = rows[1]!;
    expect(pdf.querySelector('img')).toBeNull();
    expect(pdf.textContent).toContain('Tài liệu PDF');
    expect(pdf.textContent).toContain('2,3 MB');
    expect(pdf.textContent).toContain('Cán bộ');
    const download = pdf.querySelector('a[download]');
    expect(download?.getAttribute('href')).toBe('/api/v1/tips/12/files/4?download=1');
    expect(download?.getAttribute('aria-label')).toBe('Tải xuống biên bản.pdf');
  });

  it('offers nothing to open without the commune key, and says when there are no files', () => {
    const closed = FILES.map((f) => ({ ...f, name: '', mime: '' as const }));
    const { container } = renderWithApp(<TipFiles tipId={12} files={closed} readable={false} />);
    expect(container.querySelectorAll('#tip-files a')).toHaveLength(0);
    expect(container.textContent).toContain('Tệp không đọc được');
    expect(container.textContent).toContain('chưa mở được tệp');
    const empty = renderWithApp(<TipFiles tipId={12} files={[]} readable />, { locale: 'en' });
    expect(empty.container.querySelector('#tip-files-none')?.textContent).toBe(
      'This tip has no attachments.',
    );
  });
});
