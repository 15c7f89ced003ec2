import { networkInterfaces } from 'node:os';

/** IPv4 addresses of this laptop's network cards, private LAN ranges first; loopback last. */
export function lanAddresses(): string[] {
  const found: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const address of list ?? []) {
      if (address.family === 'IPv4' && !address.internal) found.push(address.address);
    }
  }
  const isPrivate = (a: string) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(a);
  return [...found.filter(isPrivate), ...found.filter((a) => !isPrivate(a)), '127.0.0.1'];
}
