import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { DomainError } from '@chibo/domain';

/**
 * Where webhooks may go (docs/webhooks.md#targets): http(s) URLs without credentials, and (unless
 * WEBHOOK_ALLOW_PRIVATE_TARGETS) never an address of this machine or its private network: a target is an address
 * chosen by a user of the API, and the server would otherwise reach places the user cannot (SSRF). Checked when a
 * subscription is written, and again on every connection (the name may resolve differently later).
 */

/** Stable reasons (BAD_USER_INPUT, extensions.reason). */
export const TARGET_INVALID = 'WEBHOOK_TARGET_INVALID';
export const TARGET_FORBIDDEN = 'WEBHOOK_TARGET_FORBIDDEN';
export const TARGET_UNRESOLVABLE = 'WEBHOOK_TARGET_UNRESOLVABLE';

const BLOCKED = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  BLOCKED.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const)
  BLOCKED.addSubnet(net, bits, 'ipv6');

/** Loopback, private, link-local, carrier-grade NAT, multicast or unspecified (IPv4, IPv6, IPv4-mapped IPv6). */
export const isPrivateAddress = (address: string): boolean => {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return BLOCKED.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family === 6) return BLOCKED.check(address, 'ipv6');
  return true;
};

const invalid = (message: string) => new DomainError('VALIDATION', message, 'targetUrl', { reason: TARGET_INVALID });
export const forbiddenTarget = () =>
  new DomainError(
    'VALIDATION',
    'The target resolves to a loopback, private or link-local address; webhooks go to public addresses only',
    'targetUrl',
    { reason: TARGET_FORBIDDEN },
  );

/** The URL parsed, or VALIDATION (WEBHOOK_TARGET_INVALID): http or https, a host, no user:password, at most 2,000 characters. */
export const parseTarget = (raw: string): URL => {
  if (typeof raw !== 'string' || raw.length > 2000) throw invalid('The target URL must be at most 2,000 characters');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('The target is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('The target must be an http or https URL');
  if (!url.hostname) throw invalid('The target URL has no host');
  if (url.username || url.password) throw invalid('The target URL must not carry a user name or password');
  return url;
};

/** The host without IPv6 brackets. */
const hostOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** Checks a target before it is stored: its syntax, and (unless private targets are allowed) every address it resolves to. */
export const checkTarget = async (raw: string, allowPrivate: boolean): Promise<URL> => {
  const url = parseTarget(raw);
  if (allowPrivate) return url;
  const host = hostOf(url);
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (
        await new Promise<LookupAddress[]>((res, rej) =>
          dnsLookup(host, { all: true }, (e, a) => (e ? rej(e) : res(a))),
        )
      ).map((a) => a.address);
    } catch {
      throw new DomainError('VALIDATION', "The target's host name does not resolve", 'targetUrl', {
        reason: TARGET_UNRESOLVABLE,
      });
    }
  }
  if (!addresses.length || addresses.some(isPrivateAddress)) throw forbiddenTarget();
  return url;
};

/** The URL as recorded in the audit log and logs: no query string (it may hold a receiver's token). */
export const redactedTarget = (raw: string): string => {
  try {
    const u = new URL(raw);
    return `${u.origin}${u.pathname}${u.search ? '?…' : ''}`;
  } catch {
    return '(invalid)';
  }
};

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that refuses private addresses at connection time (DNS rebinding: a name that resolved
 * to a public address when stored may resolve to 127.0.0.1 later). A literal IP host never reaches `lookup`: callers
 * check it with isPrivateAddress first.
 */
export const guardedLookup = (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const [firstAddress] = addresses;
    if (!firstAddress || addresses.some((a) => isPrivateAddress(a.address)))
      return callback(Object.assign(new Error('target resolves to a private address'), { code: TARGET_FORBIDDEN }), []);
    if (options.all) return callback(null, addresses);
    callback(null, firstAddress.address, firstAddress.family);
  });
};
