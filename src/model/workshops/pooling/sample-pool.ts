/**
 * A participant's pending pool as it could be at the end of a morning, for
 * the tests and the bench: 20 contributions of ordinary length and 10 dots.
 * The texts are ours, written for this sample.
 */
import type { Pool, PoolDocument } from './codec.ts';

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
const NEEDS = ['connaitre-son-ecosysteme', 'faire-alliance', 'mobiliser-les-ressources', 'definir-sa-strategie'];
const FAMILIES = ['institutions', 'acteurs-economiques', 'interet-general', 'acteurs-academiques'];
const KINDS = ['idee', 'besoin', 'acteur', 'ressource', 'initiative'];

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

export const SAMPLE_WORKSHOP_ID = hexId(1);
const OWNER = 'invite-7d2f9a41c3e8';
const at = (minute: number) => new Date(Date.UTC(2026, 10, 28, 9, minute)).toISOString();

export interface SampleContribution extends PoolDocument {
  [field: string]: unknown;
}

export function samplePool(): Pool<SampleContribution, SampleContribution> {
  const contributions = TEXTS.map((text, i) => ({
    id: hexId(100 + i),
    ownerId: OWNER,
    workspaceId: hexId(2),
    rev: `mig${(1000 + i).toString(36)}-${hexId(200 + i).slice(0, 8)}`,
    createdAt: at(5 + i * 3),
    updatedAt: at(5 + i * 3),
    workshopId: SAMPLE_WORKSHOP_ID,
    stepId: `etape-${1 + Math.floor(i / 7)}`,
    kind: KINDS[i % KINDS.length],
    text,
    needs: [NEEDS[i % NEEDS.length]],
    actorFamilies: [FAMILIES[i % FAMILIES.length]],
    authorName: 'Camille',
  }));
  const dots = Array.from({ length: 10 }, (_, i) => ({
    id: hexId(300 + i),
    ownerId: OWNER,
    workspaceId: hexId(2),
    rev: `mig${(2000 + i).toString(36)}-${hexId(400 + i).slice(0, 8)}`,
    createdAt: at(70 + i),
    updatedAt: at(70 + i),
    workshopId: SAMPLE_WORKSHOP_ID,
    contributionId: hexId(100 + ((i * 7) % 20)),
  }));
  return { workshopId: SAMPLE_WORKSHOP_ID, contributions, dots };
}
