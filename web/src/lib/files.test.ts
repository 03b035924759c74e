import { describe, expect, it } from 'vitest';
import { fileKind, formatFileSize, isPreviewable } from './files';

describe('files', () => {
  it('writes sizes in bytes, KB and MB with Vietnamese numbers', () => {
    expect(formatFileSize(0)).toBe('0 byte');
    expect(formatFileSize(850)).toBe('850 byte');
    expect(formatFileSize(1024)).toBe('1 KB');
    expect(formatFileSize(12_390)).toBe('12,1 KB');
    expect(formatFileSize(3_500_000)).toBe('3,3 MB');
    expect(formatFileSize(1536 * 1024 * 1024)).toBe('1.536 MB');
    expect(formatFileSize(-1)).toBe('');
  });

  it('tells the kind of a file by its type', () => {
    expect(fileKind('image/jpeg')).toBe('image');
    expect(fileKind('application/pdf')).toBe('pdf');
    expect(fileKind('audio/mpeg')).toBe('audio');
    expect(fileKind('video/mp4')).toBe('video');
    expect(fileKind('application/zip')).toBe('other');
    expect(fileKind('')).toBe('other');
  });

  it('previews only the photos the server shows inline', () => {
    expect(isPreviewable('image/jpeg')).toBe(true);
    expect(isPreviewable('image/png')).toBe(true);
    expect(isPreviewable('image/webp')).toBe(true);
    expect(isPreviewable('image/svg+xml')).toBe(false);
    expect(isPreviewable('application/pdf')).toBe(false);
  });
});
