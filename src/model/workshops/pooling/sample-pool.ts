/**
 * A participant's pending pool as it could be at the end of a morning, for
 * the tests and the bench: 20 contributions of ordinary length, and 10 dots
 * on 7 of them (one dots document, as the model keeps them).
 * The texts are ours, written for this sample.
 */
import { CONTRIBUTION_KINDS, type Contribution, dotsId, type ParticipantDots } from '../contribution.ts';
import type { WorkshopPool } from './workshop-pool.ts';

const TEXTS = [
  'Recenser les associations qui proposent déjà du transport solidaire dans le canton.',
  'Un tiers-lieu dans l’ancienne gare : coworking, atelier de réparation et permanence France services.',
  'Besoin d’un diagnostic partagé sur le logement des saisonniers avant la prochaine saison.',
  'Associer le lycée agricole au projet de légumerie pour la restauration collective.',
  'La communauté de communes pourrait porter un poste de chargé de mission mobilité mutualisé.',
  'Créer un annuaire des compétences des habitants retraités prêts à accompagner des porteurs de projet.',
  'Les commerçants du bourg demandent une navette le jour du marché.',
  'S’appuyer sur la coopérative d’énergie citoyenne pour équiper les toits des bâtiments publics.',
  'Organiser une visite d’une recyclerie qui fonctionne dans un territoire voisin.',
  'Manque de locaux pour les associations de jeunes le soir.',
  'Un fonds de dotation local alimenté par les entreprises du territoire ?',
  'Mesurer l’impact social du café associatif avec des indicateurs simples.',
  'Inviter la banque alimentaire et les producteurs locaux à la même table.',
  'Former les élus à la commande publique responsable.',
  'Les horaires de la médiathèque ne conviennent pas aux actifs.',
  'Partager un véhicule électrique entre la mairie et le centre social.',
  'Une charte d’accueil des nouveaux arrivants écrite avec eux.',
  'Cartographier les friches et les logements vacants du centre-bourg.',
  'Proposer des stages d’observation dans les exploitations aux collégiens.',
  'Un comité de suivi avec des habitants tirés au sort pour le projet de territoire.',
];
const NEEDS = [
  'connaitre-son-ecosysteme',
  'faire-alliance',
  'mobiliser-les-ressources',
  'definir-sa-strategie',
] as const;
const FAMILIES = ['institutions', 'acteurs-economiques', 'interet-general', 'acteurs-academiques'] as const;

/** 32 hexadecimal digits, like the app's ids, from a seed (the sample must not change between runs). */
function hexId(seed: number): string {
  let x = seed * 2654435761;
  let id = '';
  while (id.length < 32) {
    x = (x ^ (x >>> 15)) * 2246822519 + 0x9e3779b9;
    id += (x >>> 0).toString(16).padStart(8, '0');
  }
  return id.slice(0, 32);
}

export const SAMPLE_WORKSHOP_ID = 'atelier-k7m3q9wx';
/** A guest's id: `guest-` and 22 characters (guest.ts). */
const OWNER = 'guest-Yd81kP0qZr4TnV7sWb2LcA';
const GROUP = hexId(2);
const at = (minute: number) => new Date(Date.UTC(2026, 10, 28, 9, minute)).toISOString();
const rev = (seed: number) => `${(1_795_000_000_000 + seed * 97_531).toString(36)}-${hexId(seed).slice(0, 8)}`;

/** 20 contributions and 10 dots (on 7 contributions) from one participant. */
export function samplePool(): WorkshopPool {
  const contributions: Contribution[] = TEXTS.map((text, i) => ({
    id: hexId(100 + i),
    ownerId: OWNER,
    workspaceId: GROUP,
    rev: rev(200 + i),
    createdAt: at(5 + i * 3),
    updatedAt: at(5 + i * 3),
    workshopId: SAMPLE_WORKSHOP_ID,
    kind: CONTRIBUTION_KINDS[i % CONTRIBUTION_KINDS.length]!,
    stepId: `etape-${1 + Math.floor(i / 7)}`,
    text,
    need: NEEDS[i % NEEDS.length],
    actorFamily: FAMILIES[i % FAMILIES.length],
    authorName: 'Camille',
  }));
  const counts = [2, 2, 2, 1, 1, 1, 1];
  const dots: ParticipantDots = {
    id: dotsId(SAMPLE_WORKSHOP_ID, OWNER),
    ownerId: OWNER,
    workspaceId: GROUP,
    rev: rev(300),
    createdAt: at(70),
    updatedAt: at(78),
    workshopId: SAMPLE_WORKSHOP_ID,
    kind: 'dots',
    authorName: 'Camille',
    dots: counts.map((count, i) => ({ contributionId: hexId(100 + ((i * 3) % 20)), count })),
  };
  return { workshopId: SAMPLE_WORKSHOP_ID, contributions, dots: [dots] };
}
