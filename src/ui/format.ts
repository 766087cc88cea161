const size = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** "12,5 Ko", "3,2 Mo". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${size.format(bytes / 1024)} Ko`;
  if (bytes < 1024 ** 3) return `${size.format(bytes / 1024 / 1024)} Mo`;
  return `${size.format(bytes / 1024 ** 3)} Go`;
}
