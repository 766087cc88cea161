/**
 * Who sees a user document (SYNC-PROTOCOL.md, Visibility): a private one
 * (`workspaceId` null) its author; a group's one the group's members now,
 * its author included only while they are one. The server's pull, stream
 * and push apply this function; its stores say the same in SQL
 * (sync-server/src/store/sqlite.ts and postgres.ts, « visible to »), and
 * their tests hold them to it.
 */
export interface Reader {
  userId: string;
  workspaceIds: ReadonlySet<string>;
}

export function canSee(reader: Reader, doc: { ownerId?: string | null; workspaceId?: string | null }): boolean {
  if (doc.workspaceId != null) return reader.workspaceIds.has(doc.workspaceId);
  return doc.ownerId === reader.userId;
}
