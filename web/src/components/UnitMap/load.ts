// What a unit map needs before it draws: the drawing code (its own chunk), the basemap
// settings and the unit's boundary with its children's. Shared by the unit map and the
// camera map.
import { map as mapApi, units } from '../../lib/api';
import type { BoundaryFeature, MapSettings } from '../../lib/schema';

/** Display tolerance in metres: a unit's own line finer than its many children's. */
const OWN_TOLERANCE = 5;
const CHILD_TOLERANCE = 20;

export interface UnitLayers {
  draw: typeof import('./draw');
  settings: MapSettings;
  own: BoundaryFeature | null;
  children: BoundaryFeature[];
}

export async function loadUnitLayers(unitId: number, signal: AbortSignal): Promise<UnitLayers> {
  const [draw, settings, own, children] = await Promise.all([
    import('./draw'),
    mapApi.settings(signal),
    units.boundary(unitId, OWN_TOLERANCE, signal),
    units.childBoundaries(unitId, CHILD_TOLERANCE, signal),
  ]);
  return { draw, settings, own, children: children.features };
}
