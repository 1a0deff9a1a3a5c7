import { sha256 } from '@carbonbase/factors';

/** Lower-case id text `[a-z0-9._-]`, at most `max` characters; '' when nothing is left. */
export function slug(text: string, max = 80): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, max)
    .replace(/[^a-z0-9]+$/, '');
}

/**
 * First 8 hex digits of the SHA-256 of the parts joined by U+001F (a separator no cell holds), so
 * that ("a", "bc") and ("ab", "c") differ. Deterministic: the same key gives the same id on every
 * import.
 */
export function shortHash(parts: readonly string[]): string {
  return sha256(parts.join('\u001f')).slice(0, 8);
}
