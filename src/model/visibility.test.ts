import { describe, expect, it } from 'vitest';
import { canSee } from './visibility.ts';

describe('canSee', () => {
  const alice = { userId: 'alice', workspaceIds: new Set(['g1']) };
  it('shows a private document to its author only', () => {
    expect(canSee(alice, { ownerId: 'alice', workspaceId: null })).toBe(true);
    expect(canSee(alice, { ownerId: 'bob', workspaceId: null })).toBe(false);
  });
  it('shows a group document to the group’s members now, its author included only while a member', () => {
    expect(canSee(alice, { ownerId: 'bob', workspaceId: 'g1' })).toBe(true);
    expect(canSee(alice, { ownerId: 'alice', workspaceId: 'g2' })).toBe(false);
  });
});
