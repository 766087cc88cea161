/** A file name's part from a workshop's title: « Atelier mobilité à Saint-Flour » → « atelier-mobilite-a-saint-flour ». */
export function fileSlug(title: string): string {
  return (
    title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40)
      .replace(/-$/, '') || 'atelier'
  );
}
