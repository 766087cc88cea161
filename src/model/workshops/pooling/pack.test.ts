import { describe, expect, it } from 'vitest';
import { packDocuments, unpackDocuments } from './pack.ts';

describe('documents packed by field', () => {
  it('writes a shared value once and round-trips absent fields, nulls and arrays', () => {
    const docs = [
      { id: 'a', workshopId: 'w', workspaceId: null, needs: ['x'], authorName: 'Camille' },
      { id: 'b', workshopId: 'w', workspaceId: null, needs: [] },
      { id: 'c', workshopId: 'w', workspaceId: null, needs: ['x', 'y'], authorName: 'Léo' },
    ];
    const packed = packDocuments(docs);
    expect(packed.same).toEqual({ workshopId: 'w', workspaceId: null });
    expect(packed.cols.id).toEqual(['a', 'b', 'c']);
    expect(packed.absent).toEqual({ authorName: [1] });
    expect(unpackDocuments(JSON.parse(JSON.stringify(packed)))).toEqual(docs);
    expect('authorName' in unpackDocuments(packed)[1]!).toBe(false);
  });

  it('handles no documents, and refuses columns of the wrong length', () => {
    expect(unpackDocuments(packDocuments([]))).toEqual([]);
    expect(() => unpackDocuments({ n: 2, same: {}, cols: { id: ['a'] } })).toThrow();
  });
});
