/**
 * The 17 UN Sustainable Development Goals (« objectifs de développement
 * durable », ODD) with their official short French names, and the 19 targets
 * of SDG 17 grouped by its 5 angles. Target labels are short paraphrases of
 * the official targets, written for a form: the full texts are on the UN site.
 */

export type SdgNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17;

export interface Sdg {
  number: SdgNumber;
  /** Official short French name: « Pas de pauvreté ». */
  name: string;
  /** « ODD 1 – Pas de pauvreté ». */
  label: string;
}

const SDG_NAMES: readonly string[] = [
  'Pas de pauvreté',
  'Faim « zéro »',
  'Bonne santé et bien-être',
  'Éducation de qualité',
  'Égalité entre les sexes',
  'Eau propre et assainissement',
  'Énergie propre et d’un coût abordable',
  'Travail décent et croissance économique',
  'Industrie, innovation et infrastructure',
  'Inégalités réduites',
  'Villes et communautés durables',
  'Consommation et production responsables',
  'Mesures relatives à la lutte contre les changements climatiques',
  'Vie aquatique',
  'Vie terrestre',
  'Paix, justice et institutions efficaces',
  'Partenariats pour la réalisation des objectifs',
];

export const SDGS: readonly Sdg[] = SDG_NAMES.map((name, i) => ({
  number: (i + 1) as SdgNumber,
  name,
  label: `ODD ${i + 1} – ${name}`,
}));

/** The goal whose targets the form details. */
export const SDG_PARTNERSHIPS: SdgNumber = 17;

export function isSdgNumber(value: unknown): value is SdgNumber {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 17;
}

/** « ODD 17 – Partenariats pour la réalisation des objectifs », or undefined for a number out of range. */
export function sdgLabel(number: number): string | undefined {
  return isSdgNumber(number) ? SDGS[number - 1]!.label : undefined;
}

export const SDG17_ANGLE_IDS = ['finances', 'technologie', 'capacites', 'commerce', 'questions-structurelles'] as const;
export type Sdg17AngleId = (typeof SDG17_ANGLE_IDS)[number];

export const SDG17_TARGET_IDS = [
  '17.1',
  '17.2',
  '17.3',
  '17.4',
  '17.5',
  '17.6',
  '17.7',
  '17.8',
  '17.9',
  '17.10',
  '17.11',
  '17.12',
  '17.13',
  '17.14',
  '17.15',
  '17.16',
  '17.17',
  '17.18',
  '17.19',
] as const;
export type Sdg17TargetId = (typeof SDG17_TARGET_IDS)[number];

export interface Sdg17Target {
  id: Sdg17TargetId;
  /** A short paraphrase of the official target. */
  label: string;
}

export interface Sdg17Group {
  /** Set for the sub-themes of the structural issues, undefined elsewhere. */
  name?: string;
  targets: readonly Sdg17Target[];
}

export interface Sdg17Angle {
  id: Sdg17AngleId;
  name: string;
  /** One group, or the sub-themes of the structural issues. */
  groups: readonly Sdg17Group[];
}

export const SDG17_ANGLES: readonly Sdg17Angle[] = [
  {
    id: 'finances',
    name: 'Finances',
    groups: [
      {
        targets: [
          { id: '17.1', label: 'Renforcer la collecte de l’impôt et des autres recettes nationales' },
          { id: '17.2', label: 'Tenir les engagements d’aide publique au développement' },
          { id: '17.3', label: 'Mobiliser des financements supplémentaires de sources variées' },
          { id: '17.4', label: 'Rendre la dette des pays en développement soutenable' },
          { id: '17.5', label: 'Encourager l’investissement dans les pays les moins avancés' },
        ],
      },
    ],
  },
  {
    id: 'technologie',
    name: 'Technologie',
    groups: [
      {
        targets: [
          { id: '17.6', label: 'Coopérer en science, technologie et innovation, et partager les savoirs' },
          { id: '17.7', label: 'Diffuser des technologies respectueuses de l’environnement' },
          { id: '17.8', label: 'Ouvrir l’accès aux technologies clés, dont le numérique' },
        ],
      },
    ],
  },
  {
    id: 'capacites',
    name: 'Renforcement des capacités',
    groups: [
      {
        targets: [{ id: '17.9', label: 'Renforcer les capacités pour mettre en œuvre les ODD' }],
      },
    ],
  },
  {
    id: 'commerce',
    name: 'Commerce',
    groups: [
      {
        targets: [
          { id: '17.10', label: 'Promouvoir un commerce multilatéral ouvert, réglementé et équitable' },
          { id: '17.11', label: 'Accroître les exportations des pays en développement' },
          { id: '17.12', label: 'Ouvrir les marchés aux pays les moins avancés, sans droits ni quotas' },
        ],
      },
    ],
  },
  {
    id: 'questions-structurelles',
    name: 'Questions structurelles',
    groups: [
      {
        name: 'Cohérence des politiques et des institutions',
        targets: [
          { id: '17.13', label: 'Renforcer la stabilité macroéconomique mondiale' },
          { id: '17.14', label: 'Rendre les politiques de développement durable cohérentes' },
          { id: '17.15', label: 'Respecter les choix de chaque pays pour son développement' },
        ],
      },
      {
        name: 'Partenariats multi-acteurs',
        targets: [
          { id: '17.16', label: 'Renforcer le partenariat mondial et les alliances multi-acteurs' },
          { id: '17.17', label: 'Encourager les partenariats publics, public-privé et avec la société civile' },
        ],
      },
      {
        name: 'Données, suivi et redevabilité',
        targets: [
          { id: '17.18', label: 'Disposer de données fiables, à jour et détaillées' },
          { id: '17.19', label: 'Mesurer le progrès au-delà du PIB et renforcer la statistique' },
        ],
      },
    ],
  },
];

/** The 19 targets in order, each with the angle it belongs to. */
export const SDG17_TARGETS: readonly (Sdg17Target & { angle: Sdg17AngleId })[] = SDG17_ANGLES.flatMap((angle) =>
  angle.groups.flatMap((group) => group.targets.map((target) => ({ ...target, angle: angle.id }))),
);

const TARGETS_BY_ID = new Map(SDG17_TARGETS.map((target) => [target.id as string, target]));

export function isSdg17TargetId(value: unknown): value is Sdg17TargetId {
  return typeof value === 'string' && TARGETS_BY_ID.has(value);
}

/** « 17.17 – Encourager les partenariats… », or undefined for an unknown id. */
export function sdg17TargetLabel(id: string): string | undefined {
  const target = TARGETS_BY_ID.get(id);
  return target && `${target.id} – ${target.label}`;
}
