/**
 * The heading and first paragraph of the screens whose top does not depend
 * on the data: the server writes them into the first page, before the app
 * has arrived (sync-server/src/preview.ts); the app shows them while the
 * database opens or the screen's code arrives (src/app/ScreenShell.tsx),
 * then the screen itself shows the same, so that the text the reader starts
 * on does not move or change.
 */
export interface ScreenText {
  heading: string;
  lead: string;
}

export const SCREEN_TEXTS = {
  '/annotations': {
    heading: 'Mes annotations',
    lead: 'Vos surlignages et vos notes sur les kits, gardés sur cet appareil. Vous pouvez les exporter dans un fichier, ou importer ceux que vous avez exportés d’un autre appareil.',
  },
  '/initiatives': {
    heading: 'Initiatives',
    lead: 'Les initiatives locales relevées sur le terrain, les vôtres et celles de vos groupes. Tout reste sur cet appareil, même sans réseau, et part dès que possible.',
  },
  '/initiatives/nouvelle': {
    heading: 'Nouvelle initiative',
    lead: 'Tout ce que vous saisissez est gardé sur cet appareil au fur et à mesure, même sans réseau : vous pouvez fermer l’application et reprendre plus tard depuis la liste des initiatives.',
  },
  '/recherche': {
    heading: 'Recherche',
    lead: 'Un besoin, une notion, une étape de kit… La recherche porte sur toute la bibliothèque, même hors ligne.',
  },
  '/ateliers': {
    heading: 'Ateliers',
    lead: 'Préparez un atelier à partir d’un kit, projetez-le, recueillez les contributions des participants sur leur téléphone — avec ou sans réseau — et gardez-en le compte rendu.',
  },
  '/ateliers/nouveau': {
    heading: 'Préparer un atelier',
    lead: 'Tout se prépare sans réseau : l’atelier est gardé sur cet appareil et part vers votre groupe à la prochaine connexion. Son ordre du jour suit les étapes d’un kit de la bibliothèque.',
  },
} as const satisfies Record<string, ScreenText>;
