import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { AppConfig } from '../../config/app-config';
import { resolveJwtSecret } from '../../config/secrets';

/**
 * Signing secrets (docs/webhooks.md#verifying-a-signature). The secret is needed in clear to sign, so it cannot be
 * stored as a hash: it is stored encrypted (AES-256-GCM under a key derived from the server secret, JWT_SECRET or the
 * data directory's), shown once at creation or rotation, and no query selects it. Changing the server secret makes
 * the stored secrets unreadable: rotate them (rotateWebhookSecret) afterwards.
 */
export type SecretBox = { seal: (secret: string) => string; open: (sealed: string) => string };

export const secretBox = (config: AppConfig): SecretBox => {
  const key = createHmac('sha256', resolveJwtSecret(config)).update('chibo:webhook-secret').digest();
  return {
    seal(secret) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const ct = Buffer.concat([c.update(secret, 'utf8'), c.final()]);
      return ['v1', iv.toString('base64url'), c.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
    },
    open(sealed) {
      const [v, iv, tag, ct] = sealed.split('.');
      if (v !== 'v1' || !iv || !tag || !ct) throw new Error('unknown secret format');
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      d.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
    },
  };
};

/** A new signing secret: `whsec_` and 32 random bytes. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

/** The X-Chibo-Signature value: `sha256=` and the hex HMAC-SHA256, keyed with the secret, of `timestamp.body`. */
export const signatureOf = (secret: string, timestamp: string, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/** The delay before attempt `attempt + 1`, after `attempt` failed ones: base × 2^(attempt-1), at most 6 h, ±25% jitter. */
export const retryDelayMs = (attempt: number, baseMs: number, random: () => number = Math.random): number => {
  const plain = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 6 * 3600_000);
  return Math.round(plain * (0.75 + random() * 0.5));
};
