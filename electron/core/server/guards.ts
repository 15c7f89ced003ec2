import { isIP } from 'node:net';

/**
 * Host/Origin checks against DNS rebinding and cross-site requests: a browser page from another
 * site can neither name our server by a hostname it controls nor post to it from its origin.
 */
export interface HostRule {
  /** Port the server listens on; the Host header must carry it. */
  port: number;
  /** Accept any IP literal (the tablet server: the laptop may have several addresses). */
  anyIpLiteral: boolean;
  /** Hostnames accepted besides IP literals. */
  names: readonly string[];
}

function splitHost(host: string): { name: string; port: number | null } {
  const ipv6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(host);
  if (ipv6) return { name: ipv6[1] ?? '', port: ipv6[2] ? Number(ipv6[2]) : null };
  const index = host.lastIndexOf(':');
  if (index < 0) return { name: host, port: null };
  return { name: host.slice(0, index), port: Number(host.slice(index + 1)) };
}

/** True when the Host header names this server by an accepted name and its port. */
export function hostAllowed(host: string | undefined, rule: HostRule): boolean {
  if (!host) return false;
  const { name, port } = splitHost(host.toLowerCase());
  if (port !== rule.port) return false;
  if (rule.names.includes(name)) return true;
  return rule.anyIpLiteral && isIP(name) !== 0;
}

/** True when there is no Origin (not a cross-site browser request) or it is this very host. */
export function originAllowed(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  return host !== undefined && origin.toLowerCase() === `http://${host.toLowerCase()}`;
}
