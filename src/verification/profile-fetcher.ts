import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

export interface ProfileFetchOptions {
  /** The whole fetch, every redirect included. */
  timeoutMs: number;
  /** Bytes read from the body at most; the rest is never read. */
  maxBytes: number;
  maxRedirects: number;
  /**
   * Development and tests only (refused in production by the config): `http://127.0.0.1:port`
   * stands in for every platform. The first request goes there with the profile's path, and that
   * one address (and only it) is allowed although it is loopback.
   */
  platformBaseUrl?: string;
}

export class ProfileFetchError extends Error {}

/** Addresses a fetch may connect to: public unicast only, never loopback, private or link-local. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed.range() === 'unicast';
}

/**
 * Reads a public profile page for proof of ownership. Every hop's host is resolved and the
 * address checked in the socket's own lookup (so DNS cannot answer differently between check
 * and connect); redirects are followed by hand, at most `maxRedirects`; the body is cut at
 * `maxBytes`; the whole fetch is abandoned after `timeoutMs`.
 */
export class ProfileFetcher {
  private readonly allowedLoopback: { host: string; port: string } | null;

  constructor(private readonly options: ProfileFetchOptions) {
    const base = options.platformBaseUrl ? new URL(options.platformBaseUrl) : null;
    this.allowedLoopback = base
      ? { host: base.hostname.replace(/^\[|\]$/g, ''), port: portOf(base) }
      : null;
  }

  async fetch(profileUrl: string): Promise<string> {
    const deadline = AbortSignal.timeout(this.options.timeoutMs);
    let url = this.firstUrl(profileUrl);
    for (let hop = 0; hop <= this.options.maxRedirects; hop += 1) {
      const result = await this.get(url, deadline);
      if (result.redirect === undefined) return result.body;
      url = new URL(result.redirect, url);
    }
    throw new ProfileFetchError('too many redirects');
  }

  private firstUrl(profileUrl: string): URL {
    const url = new URL(profileUrl);
    if (!this.options.platformBaseUrl) return url;
    const base = new URL(this.options.platformBaseUrl);
    return new URL(`${url.pathname}${url.search}`, base);
  }

  private get(
    url: URL,
    signal: AbortSignal,
  ): Promise<{ body: string; redirect?: undefined } | { redirect: string; body?: undefined }> {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return Promise.reject(new ProfileFetchError(`refused scheme ${url.protocol}`));
    }
    if (url.username || url.password) {
      return Promise.reject(new ProfileFetchError('refused credentials in URL'));
    }
    const client = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = client.get(
        url,
        {
          signal,
          lookup: this.checkedLookup(url),
          headers: { 'User-Agent': 'StaffVoices-verification/1', Accept: 'text/html' },
        },
        (res) => {
          const status = res.statusCode ?? 0;
          if (status >= 300 && status < 400 && res.headers.location) {
            res.resume();
            resolve({ redirect: res.headers.location });
            return;
          }
          if (status !== 200) {
            res.resume();
            reject(new ProfileFetchError(`the page answered ${status}`));
            return;
          }
          const chunks: Buffer[] = [];
          let size = 0;
          let done = false;
          const finish = () => {
            if (done) return;
            done = true;
            resolve({ body: Buffer.concat(chunks).toString('utf8') });
          };
          res.on('data', (chunk: Buffer) => {
            if (done) return;
            const room = this.options.maxBytes - size;
            chunks.push(chunk.subarray(0, room));
            size += Math.min(chunk.length, room);
            if (size >= this.options.maxBytes) {
              finish();
              res.destroy(); // read no more than the cap
            }
          });
          res.on('end', finish);
          res.on('error', (error) => (done ? undefined : reject(error)));
        },
      );
      req.on('error', (error) =>
        reject(error instanceof ProfileFetchError ? error : new ProfileFetchError(error.message)),
      );
    });
  }

  /** The socket's DNS lookup, refusing any address that is not public (but the test stand-in). */
  private checkedLookup(url: URL): LookupFunction {
    const port = portOf(url);
    return (hostname, options, callback) => {
      dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
        if (error) return callback(error, '', 0);
        const list = addresses as LookupAddress[];
        const refused = list.find((entry) => !this.allowed(entry.address, port));
        if (refused || list.length === 0) {
          return callback(
            new ProfileFetchError(`refused address ${refused?.address ?? 'none'} for ${hostname}`),
            '',
            0,
          );
        }
        if (options.all) return callback(null, list as unknown as string, 0);
        return callback(null, list[0].address, list[0].family);
      });
    };
  }

  private allowed(address: string, port: string): boolean {
    if (isPublicAddress(address)) return true;
    const stand = this.allowedLoopback;
    if (!stand || stand.port !== port) return false;
    return (
      normalise(address) === normalise(stand.host) ||
      (stand.host === 'localhost' && ipaddr.parse(address).range() === 'loopback')
    );
  }
}

function portOf(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

function normalise(address: string): string {
  return ipaddr.isValid(address) ? ipaddr.process(address).toString() : address;
}
