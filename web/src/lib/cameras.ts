// Camera words for the pages: the catalog's labels of the codes the API sends (the codes
// themselves come from the API document's enums), and the search's defaults.
import type { Translator } from './i18n';
import type { Camera } from './schema';

export type CameraLabelKind = 'status' | 'sharing' | 'owner' | 'storage' | 'funding' | 'check' | 'reason';

/** The label of a code: "faulty" → "Hỏng". */
export function cameraLabel(t: Translator, kind: CameraLabelKind, code: string): string {
  return t.dynamic(`web.camera_${kind}.${code}`, code);
}

/** What the camera sees, in words: "hướng 355°, góc 90°, tầm xa 30 m". */
export function mountingText(t: Translator, camera: Pick<Camera, 'bearing' | 'fov' | 'range_m'>): string {
  if (camera.bearing === null || camera.fov >= 360) return t('cameras.mounting_round', { range: camera.range_m });
  return t('cameras.mounting_value', { bearing: camera.bearing, fov: camera.fov, range: camera.range_m });
}

/** The radii a search offers, in metres (the server allows 1–2000). */
export const SEARCH_RADII = [50, 100, 200, 500, 1000, 2000] as const;
export const DEFAULT_RADIUS = 200;
