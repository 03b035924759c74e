// Households as the pages need them: the consent channels, the villages, the commune of a
// sheet, and the words for a registration write's outcome. Who may do what comes with the
// session (lib/capabilities.ts: households.read, .write, .witness, .phones, .sheets).
import { COMMUNE_KINDS } from './boxes';
import type { Translator } from './i18n';
import type { HouseholdConsent, RegistrationWrite, Role, UnitNode } from './schema';

type ConsentChannel = HouseholdConsent['channel'];

// Every channel the API document names, in the form's order (a missing one fails tsc).
const CHANNELS: Record<ConsentChannel, number> = { paper: 0, officer: 1, team: 2 };

export const CONSENT_CHANNELS: readonly ConsentChannel[] = (Object.keys(CHANNELS) as ConsentChannel[]).sort(
  (a, b) => CHANNELS[a] - CHANNELS[b],
);

/** The channel a consent taken now most likely came by: the one of the person typing it. */
export function defaultChannel(role: Role): ConsentChannel {
  if (role === 'officer') return 'officer';
  if (role === 'team_member') return 'team';
  return 'paper';
}

/** "Giấy đồng ý có chữ ký", "Qua cán bộ Công an xã", "Qua Tổ bảo vệ ANTT". */
export function channelLabel(t: Translator, channel: string): string {
  return t.dynamic(`web.community.consent_channel_${channel}`, channel);
}

/** Villages and residential groups (thôn, tổ dân phố): where a household lives. */
export function isVillage(unit: UnitNode): boolean {
  return unit.kind === 'residential_area';
}

/** Villages in force (where a household or a group is put). */
export function isActiveVillage(unit: UnitNode): boolean {
  return isVillage(unit) && unit.active;
}

/** The only active village of a tree (a team member's), to choose for them; else null. */
export function onlyVillage(roots: readonly UnitNode[]): number | null {
  const found: UnitNode[] = [];
  const stack = [...roots];
  while (stack.length > 0 && found.length < 2) {
    const node = stack.pop();
    if (!node) break;
    if (isActiveVillage(node)) found.push(node);
    stack.push(...node.children);
  }
  return found.length === 1 && found[0] ? found[0].id : null;
}

/** A commune or one of its villages: what the lists and the report may be narrowed to. */
export function isCommuneOrVillage(unit: UnitNode): boolean {
  return isVillage(unit) || COMMUNE_KINDS.includes(unit.kind);
}

/**
 * The commune whose sheet is imported: the unit itself when it is a commune, a village's
 * commune, else none (a province must first be narrowed to a commune).
 */
export function communeOf(byId: ReadonlyMap<number, { unit: UnitNode }>, unitId: number | null): UnitNode | null {
  const unit = unitId === null ? undefined : byId.get(unitId)?.unit;
  if (!unit) return null;
  if (COMMUNE_KINDS.includes(unit.kind)) return unit;
  if (isVillage(unit) && unit.parent_id !== null) {
    const parent = byId.get(unit.parent_id)?.unit;
    if (parent && COMMUNE_KINDS.includes(parent.kind)) return parent;
  }
  return null;
}

/** The words for what a registration write did (the server's `outcome`). */
export function outcomeMessage(
  t: Translator,
  outcome: RegistrationWrite['outcome'],
  values: { code: string; year: number },
): string {
  const params = { code: values.code, year: values.year };
  if (outcome === 'inserted') return t('community.tick_inserted', params);
  if (outcome === 'updated') return t('community.tick_updated', params);
  return t('community.tick_replayed', params);
}
