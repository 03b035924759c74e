// Vietnamese conventions whatever the UI language: dd/mm/yyyy, 1.234,5.

/**
 * Times are Vietnam's whatever the computer's clock is set to (a laptop left on UTC must
 * show what the .docx and the server's deadlines say).
 */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const numberFormat = new Intl.NumberFormat('vi-VN');
const dateTimeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: VIETNAM_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function vietnamParts(date: Date): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const part of dateTimeFormat.formatToParts(date)) parts[part.type] = part.value;
  return parts;
}

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

const percentFormat = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });
const smallPercentFormat = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumSignificantDigits: 2 });

/** 0.1161 → "11,6%"; a share under 1% keeps two digits (0.00042 → "0,042%"), never a false "0%". */
export function formatPercent(share: number): string {
  return (share > 0 && share < 0.01 ? smallPercentFormat : percentFormat).format(share);
}

/** Metres as kilometres with one decimal: 7766 → "7,8". */
export function formatKilometres(metres: number): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(metres / 1000);
}

/** "2025-06-30" → "30/06/2025"; a calendar date, so no time-zone shift. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** An ISO-8601 instant → "30/06/2025 14:05" in Vietnam's time (Asia/Ho_Chi_Minh). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts = vietnamParts(date);
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/**
 * An instant as Vietnam's wall-clock time, the way <input type="datetime-local"> writes it
 * ("2026-11-28T09:30"); the server reads local times in that time zone.
 */
export function vietnamLocalInput(instant: number): string {
  const parts = vietnamParts(new Date(instant));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Today's date in Vietnam as "yyyy-mm-dd" (the value of <input type="date">). */
export function todayIso(now: number = Date.now()): string {
  return vietnamLocalInput(now).slice(0, 10);
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
