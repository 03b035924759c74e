// Files attached to tips: how big, what kind, which the browser may preview.
import { formatNumber } from './format';

/** What the server accepts (the residents' form says the same). */
export const ACCEPTED_FILES = 'image/jpeg,image/png,image/webp,application/pdf,audio/*,video/*';
/** At most this many files with one tip (the server's default limit). */
export const MAX_FILES = 5;

const KB = 1024;
const MB = 1024 * 1024;

function oneDecimal(value: number): string {
  return formatNumber(Math.round(value * 10) / 10);
}

/** 850 → "850 byte", 12 345 → "12,1 KB", 3 500 000 → "3,3 MB" (Vietnamese numbers). */
export function formatFileSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < KB) return `${formatNumber(bytes)} byte`;
  if (bytes < MB) return `${oneDecimal(bytes / KB)} KB`;
  return `${oneDecimal(bytes / MB)} MB`;
}

export type FileKind = 'image' | 'pdf' | 'audio' | 'video' | 'other';

export function fileKind(mime: string): FileKind {
  const type = mime.toLowerCase();
  if (type.startsWith('image/')) return 'image';
  if (type === 'application/pdf') return 'pdf';
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('video/')) return 'video';
  return 'other';
}

/** Images the server streams inline, so an <img> can show them. */
export function isPreviewable(mime: string): boolean {
  return ['image/jpeg', 'image/png', 'image/webp'].includes(mime.toLowerCase());
}
