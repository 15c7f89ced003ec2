/**
 * A second IPv4 address for tests that move the tablet server between the laptop's addresses.
 *
 * A developer's laptop has one (its Wi-Fi card); a CI container often has only loopback, and a
 * test that then skips hides the promise. So, as root, the test makes its own LAN: a network
 * namespace joined to this one by a veth pair, this end holding a private address. The address
 * is real (os.networkInterfaces() lists it, the server binds it), and the namespace's end is a
 * second machine on that LAN from which a tablet can be simulated. Everything is removed after.
 * Without root and without an address of its own, the test fails and says why; it never skips.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { lanAddresses } from '../../electron/core/network';

export interface SecondAddress {
  readonly address: string;
  /** The namespace on the other end of the cable when we made one (a "tablet" can run there). */
  readonly namespace: string | null;
  readonly cleanup: () => void;
}

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });

/** Makes a namespace + veth pair with 10.<a>.<b>.1 here and .2 inside; returns the local address. */
export function makeNamespaceAddress(): SecondAddress {
  const tag = `py${process.pid % 100000}`;
  const namespace = `pingyi-${tag}`;
  const local = `${tag}a`;
  const peer = `${tag}b`;
  // A /30 in 10.0.0.0/8 picked from the pid, so two test runs at once do not collide.
  const a = 200 + (process.pid % 50);
  const b = Math.floor(process.pid / 50) % 250;
  const address = `10.${a}.${b}.1`;
  const cleanup = () => {
    spawnSync('ip', ['link', 'del', local], { stdio: 'ignore' });
    spawnSync('ip', ['netns', 'del', namespace], { stdio: 'ignore' });
  };
  try {
    cleanup(); // leftovers of a killed run with the same pid
    ip('netns', 'add', namespace);
    ip('link', 'add', local, 'type', 'veth', 'peer', 'name', peer);
    ip('link', 'set', peer, 'netns', namespace);
    ip('addr', 'add', `${address}/30`, 'dev', local);
    ip('link', 'set', local, 'up');
    ip('netns', 'exec', namespace, 'ip', 'addr', 'add', `10.${a}.${b}.2/30`, 'dev', peer);
    ip('netns', 'exec', namespace, 'ip', 'link', 'set', peer, 'up');
    ip('netns', 'exec', namespace, 'ip', 'link', 'set', 'lo', 'up');
  } catch (error) {
    cleanup();
    const detail = error instanceof Error && 'stderr' in error ? String((error as { stderr: unknown }).stderr) : String(error);
    throw new Error(`could not make a second address with ip netns + veth: ${detail.trim()}`);
  }
  return { address, namespace, cleanup };
}

/**
 * As root, an address made in a namespace: the same on every machine, so the test runs the same
 * path on a laptop and in CI, with a second machine at the other end. Otherwise the machine's
 * own second address. Throws, with the reason, when neither is possible.
 */
export function secondAddress(): SecondAddress {
  const hasIp = spawnSync('ip', ['-V'], { stdio: 'ignore' }).status === 0;
  if (process.getuid?.() === 0 && hasIp) return makeNamespaceAddress();
  const own = lanAddresses().find((a) => a !== '127.0.0.1');
  if (own) return { address: own, namespace: null, cleanup: () => {} };
  throw new Error(
    process.getuid?.() !== 0
      ? 'this machine has no IPv4 address besides 127.0.0.1, and making one (ip netns + veth) needs root'
      : 'this machine has no second IPv4 address, and `ip` (iproute2) is missing to make one',
  );
}

/**
 * POSTs from inside the namespace (another machine on the LAN); the HTTP status, or 0 if
 * unreachable. Asynchronous, so a server in this very process can answer meanwhile.
 */
export function postFromNamespace(namespace: string, url: string, body: unknown): Promise<number> {
  const script = `fetch(${JSON.stringify(url)},{method:'POST',headers:{'content-type':'application/json'},body:${JSON.stringify(JSON.stringify(body))},signal:AbortSignal.timeout(5000)}).then(r=>console.log(r.status),()=>console.log(0))`;
  return new Promise((resolve, reject) => {
    execFile('ip', ['netns', 'exec', namespace, process.execPath, '-e', script], { encoding: 'utf8' }, (error, out) => (error ? reject(error) : resolve(Number(out.trim()))));
  });
}
