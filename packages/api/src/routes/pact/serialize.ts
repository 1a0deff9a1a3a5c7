/**
 * PACT documents are sent exactly as built: fast-json-stringify would drop properties the
 * response schema does not list (extensions, later spec additions), so the routes whose
 * response schemas embed the official PACT schemas serialise with JSON.stringify.
 */
export const plainJson = () => (data: unknown) => JSON.stringify(data);
