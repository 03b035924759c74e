// Every page of the staff app in one table: its path, its page (loaded the first time it
// is opened, so Vite gives each its own chunk), who may open it (a capability the server
// gives with the session, or for the modules that have none yet, a list of roles) and its
// entry in the main navigation. The router and the navigation both read it; nothing else
// lists pages.
import type { FunctionComponent } from 'preact';
import { can, type SessionUser } from './lib/capabilities';
import type { MessageKey } from './lib/i18n';
import type { RouteParams } from './lib/router';
import type { Capability, Role } from './lib/schema';

export interface PageProps {
  params: RouteParams;
}

export type PageComponent = FunctionComponent<PageProps>;

export interface Route {
  path: string;
  /** Loads the page's module and picks the page out of it. */
  load: () => Promise<PageComponent>;
  /** Shown without logging in (and skipped once logged in). */
  public?: boolean;
  /**
   * Works with no network, from the phone's IndexedDB (lib/idb.ts): after a boot with no
   * network (lib/offline-boot.ts) only these open; the others say "Cần kết nối mạng".
   */
  offline?: boolean;
  /** Only these roles may open the page (and see its navigation entry). */
  roles?: readonly Role[];
  /** Only users with this capability of the session may open the page (and see its entry). */
  capability?: Capability;
  /** Its entry in the main navigation, in this table's order. */
  nav?: MessageKey;
}

/** Paper mailboxes: officers keep them, reviewers and administrators read them. */
const BOX_READERS: readonly Role[] = ['officer', 'reviewer', 'admin'];

/** Security cameras: officers and administrators keep them, village teams read and check theirs. */
const CAMERA_READERS: readonly Role[] = ['officer', 'team_member', 'admin'];
const CAMERA_EDITORS: readonly Role[] = ['officer', 'admin'];

/** Every page of the app; anything else is the 404 page. */
export const ROUTES: readonly Route[] = [
  { path: '/login', load: () => import('./pages/login').then((m) => m.LoginPage), public: true },
  { path: '/', load: () => import('./pages/dashboard').then((m) => m.DashboardPage), nav: 'nav.dashboard' },
  { path: '/units', load: () => import('./pages/units').then((m) => m.UnitsPage), nav: 'nav.units' },
  { path: '/units/:id', load: () => import('./pages/units').then((m) => m.UnitsPage) },
  {
    path: '/mailbox',
    load: () => import('./pages/mailbox').then((m) => m.MailboxPage),
    roles: ['officer'],
    nav: 'nav.mailbox',
  },
  // Before /mailbox/:id, which would take "keys", "new" or "boxes" for an id.
  {
    path: '/mailbox/keys',
    load: () => import('./pages/mailbox-keys').then((m) => m.MailboxKeysPage),
    roles: ['officer'],
  },
  {
    path: '/mailbox/new',
    load: () => import('./pages/tip-new').then((m) => m.RegisterTipPage),
    roles: ['officer'],
  },
  {
    path: '/mailbox/boxes',
    load: () => import('./pages/boxes').then((m) => m.BoxesPage),
    roles: BOX_READERS,
    nav: 'nav.boxes',
  },
  {
    path: '/mailbox/boxes/:id',
    load: () => import('./pages/boxes').then((m) => m.BoxPage),
    roles: BOX_READERS,
  },
  { path: '/mailbox/:id', load: () => import('./pages/tip').then((m) => m.TipPage), roles: ['officer'] },
  {
    path: '/cameras',
    load: () => import('./pages/cameras').then((m) => m.CamerasPage),
    roles: CAMERA_READERS,
    nav: 'nav.cameras',
  },
  // Before /cameras/:id, which would take "new" for an id.
  {
    path: '/cameras/new',
    load: () => import('./pages/camera').then((m) => m.CameraEditPage),
    roles: CAMERA_EDITORS,
  },
  { path: '/cameras/:id', load: () => import('./pages/camera').then((m) => m.CameraPage), roles: CAMERA_READERS },
  {
    path: '/cameras/:id/edit',
    load: () => import('./pages/camera').then((m) => m.CameraEditPage),
    roles: CAMERA_EDITORS,
  },
  {
    path: '/footage',
    load: () => import('./pages/footage').then((m) => m.FootageListPage),
    roles: ['officer'],
    nav: 'nav.footage',
  },
  { path: '/footage/:id', load: () => import('./pages/footage').then((m) => m.FootagePage), roles: ['officer'] },
  {
    path: '/households',
    load: () => import('./pages/households').then((m) => m.HouseholdsPage),
    capability: 'households.read',
    nav: 'nav.households',
  },
  // Before /households/:id, which would take "registrations" for an id.
  {
    path: '/households/registrations',
    load: () => import('./pages/registrations').then((m) => m.RegistrationsPage),
    capability: 'households.read',
    nav: 'nav.registrations',
  },
  {
    path: '/households/:id',
    load: () => import('./pages/household').then((m) => m.HouseholdPage),
    capability: 'households.read',
  },
  // Fire-safety groups and security teams are read by those who read the households.
  {
    path: '/fire-groups',
    load: () => import('./pages/fire-groups').then((m) => m.FireGroupsPage),
    capability: 'households.read',
    nav: 'nav.fire_groups',
  },
  {
    path: '/fire-groups/:id',
    load: () => import('./pages/fire-group').then((m) => m.FireGroupPage),
    capability: 'households.read',
  },
  {
    path: '/teams',
    load: () => import('./pages/teams').then((m) => m.TeamsPage),
    capability: 'households.read',
    nav: 'nav.teams',
  },
  // Before /teams/:id, which would take "grading" for an id.
  {
    path: '/teams/grading',
    load: () => import('./pages/grading').then((m) => m.GradingPage),
    capability: 'gradings.read',
  },
  {
    path: '/teams/:id',
    load: () => import('./pages/team').then((m) => m.TeamPage),
    capability: 'households.read',
  },
  // The self-management models: their counts, sites and types, read by all but auditors.
  {
    path: '/models',
    load: () => import('./pages/models').then((m) => m.ModelsPage),
    capability: 'models.read',
    nav: 'nav.models',
  },
  {
    path: '/models/sites',
    load: () => import('./pages/model-sites').then((m) => m.ModelSitesPage),
    capability: 'models.read',
  },
  {
    path: '/models/sites/:id',
    load: () => import('./pages/model-site').then((m) => m.ModelSitePage),
    capability: 'models.read',
  },
  {
    path: '/models/types',
    load: () => import('./pages/model-types').then((m) => m.ModelTypesPage),
    capability: 'models.read',
  },
  // Working with no signal (plan D8): the village's pack and the outbox, on the phone.
  {
    path: '/offline',
    load: () => import('./pages/offline').then((m) => m.OfflinePage),
    capability: 'offline.pack',
    offline: true,
    nav: 'nav.offline',
  },
  {
    path: '/offline/patrol',
    load: () => import('./pages/offline/patrol').then((m) => m.OfflinePatrolPage),
    capability: 'offline.pack',
    offline: true,
  },
  {
    path: '/offline/drill',
    load: () => import('./pages/offline/drill').then((m) => m.OfflineDrillPage),
    capability: 'offline.pack',
    offline: true,
  },
  {
    path: '/offline/registration',
    load: () => import('./pages/offline/registration').then((m) => m.OfflineRegistrationPage),
    capability: 'offline.pack',
    offline: true,
  },
  {
    path: '/offline/extinguisher-check',
    load: () => import('./pages/offline/extinguisher-check').then((m) => m.OfflineCheckPage),
    capability: 'offline.pack',
    offline: true,
  },
  {
    path: '/users',
    load: () => import('./pages/users').then((m) => m.UsersPage),
    roles: ['admin'],
    nav: 'nav.users',
  },
  {
    path: '/notifications',
    load: () => import('./pages/notifications').then((m) => m.NotificationsPage),
    roles: ['admin'],
    nav: 'nav.notifications',
  },
  {
    path: '/audit',
    load: () => import('./pages/audit').then((m) => m.AuditPage),
    roles: ['auditor'],
    nav: 'nav.audit',
  },
  { path: '/account', load: () => import('./pages/account').then((m) => m.AccountPage), nav: 'nav.account' },
];

/** Whether `user` may open the route: their role is one of its roles, they have its capability. */
export function mayOpen(route: Route, user: SessionUser): boolean {
  const byRole = !route.roles || route.roles.includes(user.role);
  return byRole && (!route.capability || can(user, route.capability));
}

/** The navigation entries a user sees, in the table's order. */
export function navigationFor(user: SessionUser): { href: string; label: MessageKey }[] {
  return ROUTES.filter((r) => r.nav && mayOpen(r, user)).map((r) => ({
    href: r.path,
    label: r.nav as MessageKey,
  }));
}
