import { createHash, timingSafeEqual } from 'node:crypto';

export interface ClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

/**
 * Checks client credentials in constant time: both sides are hashed first, so neither the
 * comparison's duration nor an early length mismatch tells how much of a secret was right.
 */
export function createCredentialCheck(
  clients: readonly ClientCredentials[],
): (clientId: string, clientSecret: string) => boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  const known = clients.map((c) => ({ id: digest(c.clientId), secret: digest(c.clientSecret) }));
  return (clientId, clientSecret) => {
    const id = digest(clientId);
    const secret = digest(clientSecret);
    let found = false;
    for (const k of known) {
      // Evaluate both comparisons for every client, so timing does not reveal which matched.
      const idOk = timingSafeEqual(k.id, id);
      const secretOk = timingSafeEqual(k.secret, secret);
      found = found || (idOk && secretOk);
    }
    return found;
  };
}

/**
 * Reads `Authorization: Basic base64(id:secret)`. RFC 6749 §2.3.1 form-encodes id and secret
 * before base64; many clients do not, so both readings are offered to the caller.
 */
export function parseBasicAuthorization(
  header: string | undefined,
): { raw: { id: string; secret: string }; decoded?: { id: string; secret: string } } | undefined {
  const m = header ? /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header) : null;
  if (!m?.[1]) return undefined;
  const text = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  const raw = { id: text.slice(0, colon), secret: text.slice(colon + 1) };
  try {
    const formDecode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    return { raw, decoded: { id: formDecode(raw.id), secret: formDecode(raw.secret) } };
  } catch {
    return { raw };
  }
}
