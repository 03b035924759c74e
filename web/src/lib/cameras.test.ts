import { describe, expect, it } from 'vitest';
import { cameraLabel, mountingText } from './cameras';
import { createTranslator } from './i18n';

describe('camera words', () => {
  const vi = createTranslator('vi');
  const en = createTranslator('en');

  it('labels the codes the API sends in both languages, and shows an unknown code as it is', () => {
    expect(cameraLabel(vi, 'status', 'faulty')).toBe('Hỏng');
    expect(cameraLabel(en, 'status', 'faulty')).toBe('Faulty');
    expect(cameraLabel(vi, 'reason', 'overwritten')).toBe('hình ảnh đã bị ghi đè');
    expect(cameraLabel(vi, 'sharing', 'on_request')).toBe('Theo yêu cầu (có cam kết)');
    expect(cameraLabel(vi, 'status', 'exploded')).toBe('exploded');
  });

  it('says where a camera looks, all round when it has no bearing', () => {
    expect(mountingText(vi, { bearing: 355, fov: 90, range_m: 30 })).toBe('hướng 355°, góc 90°, tầm xa 30 m');
    expect(mountingText(vi, { bearing: null, fov: 360, range_m: 40 })).toBe('quan sát 360°, tầm xa 40 m');
    expect(mountingText(en, { bearing: 0, fov: 60, range_m: 50 })).toBe('bearing 0°, view 60°, range 50 m');
  });
});
