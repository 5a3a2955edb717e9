import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from './app-config';

/** JWT secret: the configured one, else one kept in the data directory (embedded mode), created once. */
export const resolveJwtSecret = (config: AppConfig): string => {
  if (config.jwtSecret) return config.jwtSecret;
  const file = join(config.dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
};

/**
 * A keyed hash (HMAC-SHA256 under a key derived from the server secret, the same in every process) for values that
 * must be compared but not stored in clear, such as client addresses: a plain hash of an IPv4 address is reversed by
 * trying all 2^32 of them.
 */
export const keyedHasher = (config: AppConfig, purpose: string): ((value: string) => string) => {
  const key = createHmac('sha256', resolveJwtSecret(config)).update(`chibo:${purpose}`).digest();
  return (value) => createHmac('sha256', key).update(value).digest('base64url');
};
