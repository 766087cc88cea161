import { describe, expect, it } from 'vitest';
import { AccountEvents } from './events.ts';

describe('AccountEvents', () => {
  it('calls every listener, even after one throws, and stops calling removed ones', () => {
    const errors: unknown[] = [];
    const events = new AccountEvents((error) => errors.push(error));
    const seen: string[] = [];
    events.on('membershipChanged', () => {
      throw new Error('listener failed');
    });
    const off = events.on('membershipChanged', (e) => seen.push(`${e.workspaceId}:${e.userIds.join(',')}`));
    events.on('tokenRevoked', (e) => seen.push(`revoked ${e.userId}`));

    events.emit('membershipChanged', { workspaceId: 'w', userIds: ['u'] });
    off();
    events.emit('membershipChanged', { workspaceId: 'w', userIds: ['v'] });
    events.emit('tokenRevoked', { userId: 'u', tokenHash: 'h' });

    expect(seen).toEqual(['w:u', 'revoked u']);
    expect(errors).toHaveLength(2);
  });
});
