const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Row ids are UUIDs; anything else (say, text from a URL) cannot name a row. */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}
