import { describe, expect, it } from 'vitest';
import { can, sessionUser } from './capabilities';
import { sessionOf, testUser } from '../test/fixtures';

describe('capabilities', () => {
  it('keeps the session\'s capabilities with its user', () => {
    const session = sessionOf(testUser({ role: 'reviewer', username: 'reviewer.tuyenquang' }), 'csrf');
    expect(session.user).not.toHaveProperty('capabilities');
    const user = sessionUser(session);
    expect(user.username).toBe('reviewer.tuyenquang');
    expect(user.role).toBe('reviewer');
    expect(user.capabilities).toEqual(['households.read', 'gradings.read', 'models.read']);
  });

  it('answers from what the server gave, not from the role', () => {
    const reviewer = testUser({ role: 'reviewer' });
    expect(can(reviewer, 'households.read')).toBe(true);
    expect(can(reviewer, 'households.write')).toBe(false);
    // An officer to whom the server gave nothing (a rule changed there) may do nothing here.
    const officer = testUser({ role: 'officer', capabilities: [] });
    expect(can(officer, 'households.read')).toBe(false);
    const auditor = testUser({ role: 'auditor', capabilities: ['households.phones'] });
    expect(can(auditor, 'households.phones')).toBe(true);
    expect(can(null, 'households.read')).toBe(false);
  });
});
