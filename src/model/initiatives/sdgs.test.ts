import { describe, expect, it } from 'vitest';
import { initiativeSchema } from '../initiatives.ts';
import {
  SDG17_ANGLES,
  SDG17_TARGET_IDS,
  SDG17_TARGETS,
  SDGS,
  isSdg17TargetId,
  isSdgNumber,
  sdg17TargetLabel,
  sdgLabel,
} from './sdgs.ts';

describe('SDGs', () => {
  it('lists the 17 goals in order with their French labels', () => {
    expect(SDGS).toHaveLength(17);
    expect(SDGS.map((sdg) => sdg.number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(SDGS[0]!.label).toBe('ODD 1 – Pas de pauvreté');
    expect(SDGS[16]!.label).toBe('ODD 17 – Partenariats pour la réalisation des objectifs');
    expect(new Set(SDGS.map((sdg) => sdg.name)).size).toBe(17);
  });

  it('looks goals up by number', () => {
    expect(sdgLabel(4)).toBe('ODD 4 – Éducation de qualité');
    expect(sdgLabel(0)).toBeUndefined();
    expect(sdgLabel(18)).toBeUndefined();
    expect(sdgLabel(1.5)).toBeUndefined();
    expect(isSdgNumber(17)).toBe(true);
    expect(isSdgNumber('17')).toBe(false);
  });
});

describe('SDG 17 targets', () => {
  it('has the 19 targets, each once, in order, across the 5 angles', () => {
    expect(SDG17_ANGLES.map((angle) => angle.name)).toEqual([
      'Finances',
      'Technologie',
      'Renforcement des capacités',
      'Commerce',
      'Questions structurelles',
    ]);
    expect(SDG17_TARGETS.map((target) => target.id)).toEqual([...SDG17_TARGET_IDS]);
    expect(SDG17_TARGET_IDS).toEqual(Array.from({ length: 19 }, (_, i) => `17.${i + 1}`));
    for (const target of SDG17_TARGETS) expect(target.label.length).toBeGreaterThan(10);
  });

  it('sorts the targets into the official angles', () => {
    const angleOf = Object.fromEntries(SDG17_TARGETS.map((target) => [target.id, target.angle]));
    expect(angleOf['17.5']).toBe('finances');
    expect(angleOf['17.8']).toBe('technologie');
    expect(angleOf['17.9']).toBe('capacites');
    expect(angleOf['17.12']).toBe('commerce');
    expect(angleOf['17.17']).toBe('questions-structurelles');
    const structural = SDG17_ANGLES.at(-1)!;
    expect(structural.groups.map((group) => group.targets.length)).toEqual([3, 2, 2]);
    expect(structural.groups.every((group) => group.name)).toBe(true);
  });

  it('accepts exactly the ids the initiative schema accepts', () => {
    const properties = initiativeSchema.properties as unknown as { sdg17Targets: { items: { pattern: string } } };
    const pattern = new RegExp(properties.sdg17Targets.items.pattern);
    for (const id of SDG17_TARGET_IDS) expect(pattern.test(id)).toBe(true);
    for (const id of ['17.0', '17.20', '17', '16.1', '17.01']) {
      expect(isSdg17TargetId(id)).toBe(false);
      expect(sdg17TargetLabel(id)).toBeUndefined();
    }
    expect(sdg17TargetLabel('17.17')).toMatch(/^17\.17 – Encourager les partenariats/);
  });
});
