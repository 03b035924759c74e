// Vietnamese conventions whatever the UI language: dd/mm/yyyy, 1.234,5.

const numberFormat = new Intl.NumberFormat('vi-VN');
const dateTimeFormat = new Intl.DateTimeFormat('vi-VN', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** "2025-06-30" → "30/06/2025"; a calendar date, so no time-zone shift. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** An ISO-8601 instant → "30/06/2025 14:05" in the browser's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts: Record<string, string> = {};
  for (const part of dateTimeFormat.formatToParts(date)) parts[part.type] = part.value;
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** The date of today as "yyyy-mm-dd" in local time (the value of <input type="date">). */
export function todayIso(): string {
  const now = new Date();
  const mm = String(now.getMonth() + 1).padStart(2, '0');
  const dd = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${mm}-${dd}`;
}

/** "xã" + "Kim Quan" → "Xã Kim Quan"; the name alone when it already says what it is. */
export function unitLabel(unit: { name: string; designation?: string | null }): string {
  const designation = (unit.designation ?? '').trim();
  if (!designation) return unit.name;
  if (unit.name.toLocaleLowerCase('vi').startsWith(designation.toLocaleLowerCase('vi')))
    return unit.name;
  return designation.charAt(0).toLocaleUpperCase('vi') + designation.slice(1) + ' ' + unit.name;
}

/**
 * What a person typed as a date → "yyyy-mm-dd"; "" when empty, null when not a real date.
 * Accepts dd/mm/yyyy (also with "." or "-") and yyyy-mm-dd.
 */
export function parseDateInput(text: string): string | null {
  const value = text.trim();
  if (!value) return '';
  let day: number;
  let month: number;
  let year: number;
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (match) {
    day = Number(match[1]);
    month = Number(match[2]);
    year = Number(match[3]);
  } else {
    match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) return null;
    year = Number(match[1]);
    month = Number(match[2]);
    day = Number(match[3]);
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
