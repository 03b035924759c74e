// What the logged-in user may do, as the server says it: GET /auth/me and the login answer
// carry the session's `capabilities` (households.read, households.write, …), worked out from
// the rules the services themselves apply (src/modules/community). The pages and routes.ts
// ask `can(user, 'households.write')` instead of keeping their own copies of those rules; the
// server still decides every request, the pages only hide what the user may not do.
import type { Capability, Session, User } from './schema';

/** The user of the session with what they may do: what the app keeps after login. */
export interface SessionUser extends User {
  capabilities: readonly Capability[];
}

/** The user of a login or /auth/me answer, with the session's capabilities. */
export function sessionUser(session: Session): SessionUser {
  return { ...session.user, capabilities: session.capabilities };
}

/** Whether the server gave `user` this capability; nobody has any before login. */
export function can(user: Pick<SessionUser, 'capabilities'> | null | undefined, capability: Capability): boolean {
  return user?.capabilities.includes(capability) ?? false;
}
