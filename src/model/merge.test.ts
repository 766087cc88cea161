import { describe, expect, it } from 'vitest';
import {
  deepEqual,
  dismissConflict,
  editField,
  mergeDocuments,
  restoreConflict,
  type MergeableDocument,
} from './merge.ts';

interface Note extends MergeableDocument {
  title: string;
  body: string;
  color: string;
  tags?: string[];
}

/** A tiny replication: one server, devices with their local state and last-seen server state. */
class World {
  server: Note;
  private revs = 0;
  constructor(start: Note) {
    this.server = start;
  }
  device(): Device {
    return new Device(this, this.server);
  }
  nextRev(): string {
    this.revs += 1;
    return `rev-${this.revs}`;
  }
}

class Device {
  local: Note;
  constructor(
    private readonly world: World,
    private assumed: Note,
  ) {
    this.local = assumed;
  }
  edit(patch: Partial<Note>, at: string) {
    this.local = { ...this.local, ...patch, rev: this.world.nextRev(), updatedAt: at };
  }
  /** Push (merging on conflict, as RxDB's conflict handler does), then pull. */
  sync() {
    if (this.local !== this.assumed) {
      if (this.world.server.rev !== this.assumed.rev) {
        const merged = mergeDocuments({
          assumedMasterState: this.assumed,
          realMasterState: this.world.server,
          newDocumentState: this.local,
        });
        this.local = { ...merged, rev: this.world.nextRev() };
        this.assumed = this.world.server;
      }
      this.world.server = this.local;
    }
    this.local = this.assumed = this.world.server;
  }
}

const START: Note = {
  id: 'n1',
  rev: 'rev-0',
  updatedAt: '2026-01-01T00:00',
  title: 'Atelier',
  body: 'Texte',
  color: 'jaune',
};

function bothOrders(
  scenario: (a: Device, b: Device) => void,
  check: (server: Note, order: 'a-first' | 'b-first') => void,
) {
  for (const order of ['a-first', 'b-first'] as const) {
    const world = new World(START);
    const a = world.device();
    const b = world.device();
    scenario(a, b);
    const [first, second] = order === 'a-first' ? [a, b] : [b, a];
    first.sync();
    second.sync();
    first.sync();
    expect(a.local, `${order}: both devices converge`).toEqual(b.local);
    expect(a.local).toEqual(world.server);
    check(world.server, order);
  }
}

describe('mergeDocuments', () => {
  it('keeps a change made on one side only, whichever side syncs first', () => {
    bothOrders(
      (a, b) => {
        a.edit({ title: 'Atelier du jeudi' }, '2026-01-02T10:00');
        b.edit({ color: 'vert' }, '2026-01-02T11:00');
      },
      (server) => {
        expect(server).toMatchObject({ title: 'Atelier du jeudi', color: 'vert', body: 'Texte' });
        expect(server.conflicts).toBeUndefined();
        expect(server.updatedAt).toBe('2026-01-02T11:00');
      },
    );
  });

  it('takes the first write for a field changed on both sides, and keeps the other visible', () => {
    bothOrders(
      (a, b) => {
        a.edit({ body: 'Version A' }, '2026-01-02T10:00');
        b.edit({ body: 'Version B' }, '2026-01-02T11:00');
      },
      (server, order) => {
        const [winner, kept, at] =
          order === 'a-first'
            ? ['Version A', 'Version B', '2026-01-02T11:00']
            : ['Version B', 'Version A', '2026-01-02T10:00'];
        expect(server.body).toBe(winner);
        expect(server.conflicts).toEqual([{ field: 'body', value: kept, at }]);
      },
    );
  });

  it('sees no conflict when both sides made the same change', () => {
    bothOrders(
      (a, b) => {
        a.edit({ tags: ['eau', 'mobilité'] }, '2026-01-02T10:00');
        b.edit({ tags: ['eau', 'mobilité'] }, '2026-01-02T11:00');
      },
      (server) => {
        expect(server.tags).toEqual(['eau', 'mobilité']);
        expect(server.conflicts).toBeUndefined();
      },
    );
  });

  it('lets an edit win over a deletion, keeping the deletion to confirm', () => {
    bothOrders(
      (a, b) => {
        a.edit({ _deleted: true }, '2026-01-02T10:00');
        b.edit({ body: 'Ajout important' }, '2026-01-02T11:00');
      },
      (server) => {
        expect(server._deleted).toBe(false);
        expect(server.body).toBe('Ajout important');
        expect(server.conflicts).toEqual([{ field: '_deleted', value: true, at: expect.any(String) }]);
      },
    );
  });

  it('deletes when nothing else changed', () => {
    bothOrders(
      (a, b) => {
        a.edit({ _deleted: true }, '2026-01-02T10:00');
        b.edit({ _deleted: true }, '2026-01-02T11:00');
      },
      (server) => expect(server._deleted).toBe(true),
    );
  });

  it('loses no value over many random concurrent edits', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const fields = ['title', 'body', 'color'] as const;
    for (let round = 0; round < 300; round++) {
      const world = new World(START);
      const devices = [world.device(), world.device(), world.device()];
      const written: string[] = [];
      /** Values a device overwrote while it had them in front of it: replaced on purpose. */
      const replacedKnowingly = new Set<unknown>();
      for (let step = 0; step < 10; step++) {
        const device = devices[Math.floor(random() * devices.length)]!;
        if (random() < 0.3) {
          device.sync();
          continue;
        }
        const field = fields[Math.floor(random() * fields.length)]!;
        const value = `${field}-${round}-${step}`;
        replacedKnowingly.add(device.local[field]);
        device.edit({ [field]: value }, `2026-01-02T${String(10 + step).padStart(2, '0')}:00`);
        written.push(value);
      }
      for (let pass = 0; pass < 2; pass++) devices.forEach((d) => d.sync());
      for (const d of devices) expect(d.local).toEqual(world.server);
      const final = world.server;
      const visible = new Set<unknown>([
        ...fields.map((f) => final[f]),
        ...(final.conflicts ?? []).map((c) => c.value),
      ]);
      for (const value of written) {
        expect(visible.has(value) || replacedKnowingly.has(value), `round ${round}: ${value} lost`).toBe(true);
      }
    }
  });
});

describe('restoring a kept version', () => {
  const doc: Note = {
    ...START,
    body: 'Version A',
    conflicts: [
      { field: 'body', value: 'Version B', at: '2026-01-02T11:00' },
      { field: 'color', value: 'rouge', at: '2026-01-02T11:00' },
    ],
  };

  it('puts the kept value back in one step', () => {
    const restored = restoreConflict(doc, 0, '2026-01-03T09:00');
    expect(restored.body).toBe('Version B');
    expect(restored.conflicts).toEqual([doc.conflicts![1]]);
    expect(restored.updatedAt).toBe('2026-01-03T09:00');
  });

  it('can dismiss it instead, and drops the list when empty', () => {
    const once = dismissConflict(doc, 1, 'x');
    expect(dismissConflict(once, 0, 'y').conflicts).toBeUndefined();
    expect(once.body).toBe('Version A');
  });

  it('compares JSON values structurally', () => {
    expect(deepEqual({ a: [1, { b: 2 }], c: undefined }, { a: [1, { b: 2 }] })).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
  });
});

describe('an edit made while another version arrived', () => {
  const arrived: Note = { ...START, body: 'Version arrivée', updatedAt: '2026-01-02T10:00' };

  it('wins, and keeps the version it replaces', () => {
    const edited = editField(arrived, 'body', START.body, 'Ma version', '2026-01-02T11:00');
    expect(edited.body).toBe('Ma version');
    expect(edited.updatedAt).toBe('2026-01-02T11:00');
    expect(edited.conflicts).toEqual([{ field: 'body', value: 'Version arrivée', at: '2026-01-02T10:00' }]);
    expect(restoreConflict(edited, 0, 'x').body).toBe('Version arrivée');
  });

  it('keeps nothing when the field is still what the editor opened on, or already the new text', () => {
    expect(editField(START, 'body', START.body, 'Ma version', 'x').conflicts).toBeUndefined();
    expect(editField(arrived, 'body', START.body, 'Version arrivée', 'x').conflicts).toBeUndefined();
  });

  it('does not keep the same version twice', () => {
    const once = editField(arrived, 'body', START.body, 'Ma version', 'x');
    const twice = editField({ ...once, body: 'Version arrivée' }, 'body', 'Ma version', 'Encore', 'y');
    expect(twice.conflicts).toHaveLength(1);
  });
});
