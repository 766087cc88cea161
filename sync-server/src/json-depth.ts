/** SYNC-PROTOCOL.md, Limits: JSON nested deeper than this is refused before it is parsed. */
export const JSON_MAX_DEPTH = 64;

/**
 * True when the JSON text nests arrays and objects deeper than `max`. A scan
 * of the text (strings skipped), so a hostile body never reaches the parser,
 * the schema validator or any recursive comparison.
 */
export function nestedDeeperThan(text: string, max: number = JSON_MAX_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
