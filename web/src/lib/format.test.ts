import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, parseDateInput, todayIso, unitLabel } from './format';

describe('format', () => {
  it('shows a calendar date as dd/mm/yyyy without shifting the day', () => {
    expect(formatDate('2025-06-30')).toBe('30/06/2025');
    expect(formatDate(null)).toBe('');
  });

  it('shows an instant as dd/mm/yyyy hh:mm in Vietnam whatever the computer\'s time zone', () => {
    // The tests run with TZ=UTC (vite.config.ts), as a laptop left on UTC would.
    expect(new Date(0).getTimezoneOffset()).toBe(0);
    expect(formatDateTime('2026-11-28T10:05:00Z')).toBe('28/11/2026 17:05');
    expect(formatDateTime('2026-02-05T17:30:00Z')).toBe('06/02/2026 00:30');
  });

  it('takes today as the date in Vietnam, which starts 7 hours before UTC\'s', () => {
    expect(todayIso(Date.parse('2026-12-31T16:59:00Z'))).toBe('2026-12-31');
    expect(todayIso(Date.parse('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });

  it('writes numbers the Vietnamese way', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
  });

  it('reads dd/mm/yyyy and yyyy-mm-dd, and rejects dates that do not exist', () => {
    expect(parseDateInput('1/7/2025')).toBe('2025-07-01');
    expect(parseDateInput('01.07.2025')).toBe('2025-07-01');
    expect(parseDateInput('2025-07-01')).toBe('2025-07-01');
    expect(parseDateInput('  ')).toBe('');
    expect(parseDateInput('31/02/2025')).toBeNull();
    expect(parseDateInput('07/2025')).toBeNull();
  });

  it('puts the designation before a unit name unless the name already has it', () => {
    expect(unitLabel({ name: 'Kim Quan', designation: 'xã' })).toBe('Xã Kim Quan');
    expect(unitLabel({ name: 'Phường Minh Xuân', designation: 'phường' })).toBe('Phường Minh Xuân');
    expect(unitLabel({ name: 'Việt Nam', designation: '' })).toBe('Việt Nam');
  });
});
