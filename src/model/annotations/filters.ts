import type { Annotation, AnnotationColor } from '../annotations.ts';
import { normalizeFrench } from '../search/french.ts';

/** The filters of « Mes annotations », as they appear in the page's address. */
export interface AnnotationFilters {
  kit?: string;
  need?: string;
  color?: AnnotationColor;
  /** 'prive' for private annotations, or a group's id. */
  group?: string;
  /** Words that must all appear in the quote, the note or the kit's title. */
  text?: string;
  /** The author's id (a group's notes, by one member). */
  author?: string;
}

export const PRIVATE = 'prive';

export interface AnnotatedResource {
  title: string;
  needs: readonly string[];
}

export function filterAnnotations(
  annotations: readonly Annotation[],
  filters: AnnotationFilters,
  resources: ReadonlyMap<string, AnnotatedResource>,
): Annotation[] {
  const words = normalizeFrench(filters.text ?? '')
    .split(/\s+/)
    .filter(Boolean);
  return annotations.filter((a) => {
    const resource = resources.get(a.resourceId);
    if (filters.kit && a.resourceId !== filters.kit) return false;
    if (filters.need && !resource?.needs.includes(filters.need)) return false;
    if (filters.color && a.color !== filters.color) return false;
    if (filters.author && a.ownerId !== filters.author) return false;
    if (filters.group === PRIVATE && a.workspaceId !== null) return false;
    if (filters.group && filters.group !== PRIVATE && a.workspaceId !== filters.group) return false;
    if (words.length > 0) {
      const haystack = normalizeFrench([a.target.quote?.exact, a.note, resource?.title].filter(Boolean).join(' '));
      if (!words.every((w) => haystack.includes(w))) return false;
    }
    return true;
  });
}

export function annotationFiltersFromParams(params: URLSearchParams): AnnotationFilters {
  const get = (key: string) => params.get(key) || undefined;
  return {
    kit: get('kit'),
    need: get('besoin'),
    color: get('couleur') as AnnotationColor | undefined,
    group: get('groupe'),
    text: get('q'),
    author: get('auteur'),
  };
}

export function annotationFiltersToParams(filters: AnnotationFilters): URLSearchParams {
  const params = new URLSearchParams();
  const entries: [string, string | undefined][] = [
    ['kit', filters.kit],
    ['besoin', filters.need],
    ['couleur', filters.color],
    ['groupe', filters.group],
    ['q', filters.text],
    ['auteur', filters.author],
  ];
  for (const [key, value] of entries) if (value) params.set(key, value);
  return params;
}
