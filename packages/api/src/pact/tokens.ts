import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Access tokens are compact JWTs signed with HMAC-SHA256 by this server: stateless, so any
 * instance holding the key can check them, and self-describing (client and expiry) for logs.
 * A forged or altered token fails the signature check; an old one fails the expiry check.
 */
export interface TokenIssuer {
  issue(clientId: string, now: Date): { token: string; expiresIn: number };
  verify(token: string, now: Date): TokenCheck;
}

export type TokenCheck =
  | { readonly ok: true; readonly clientId: string }
  | { readonly ok: false; readonly reason: 'invalid' | 'expired' };

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');
const HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export function createTokenIssuer(options: {
  /** Signing key; a fresh random key per process when absent (tokens then die with the process). */
  secret?: string | Buffer;
  lifetimeSeconds: number;
}): TokenIssuer {
  const key = options.secret ?? randomBytes(32);
  const sign = (body: string) => createHmac('sha256', key).update(body).digest();

  return {
    issue(clientId, now) {
      const iat = Math.floor(now.getTime() / 1000);
      const payload = b64url(
        JSON.stringify({ sub: clientId, iat, exp: iat + options.lifetimeSeconds }),
      );
      const body = `${HEADER}.${payload}`;
      return { token: `${body}.${b64url(sign(body))}`, expiresIn: options.lifetimeSeconds };
    },
    verify(token, now) {
      const parts = token.split('.');
      if (parts.length !== 3) return { ok: false, reason: 'invalid' };
      const [header = '', payload = '', signature = ''] = parts;
      const expected = sign(`${header}.${payload}`);
      const given = Buffer.from(signature, 'base64url');
      if (
        header !== HEADER ||
        given.length !== expected.length ||
        !timingSafeEqual(given, expected)
      ) {
        return { ok: false, reason: 'invalid' };
      }
      const claims = parseClaims(payload);
      if (!claims) return { ok: false, reason: 'invalid' };
      if (claims.exp <= Math.floor(now.getTime() / 1000)) return { ok: false, reason: 'expired' };
      return { ok: true, clientId: claims.sub };
    },
  };
}

function parseClaims(payload: string): { sub: string; exp: number } | undefined {
  try {
    const value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    if (value === null || typeof value !== 'object') return undefined;
    const { sub, exp } = value as Record<string, unknown>;
    return typeof sub === 'string' && typeof exp === 'number' ? { sub, exp } : undefined;
  } catch {
    return undefined;
  }
}
