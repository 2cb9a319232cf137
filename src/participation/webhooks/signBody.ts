import { createHmac, timingSafeEqual } from 'node:crypto';

/** The `x-dstack-signature` of a webhook body: `sha256=` and the hex HMAC-SHA256 of its UTF-8 bytes under `secret`. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** True when `header` is the signature of `body` under `secret` (compared in constant time); for receivers and tests. */
export function verifySignature(secret: string, body: string, header: string | null | undefined): boolean {
  if (typeof header !== 'string') return false;
  const expected = Buffer.from(signBody(secret, body), 'utf8');
  const given = Buffer.from(header, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
