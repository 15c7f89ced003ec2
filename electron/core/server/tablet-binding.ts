/**
 * The tablet server bound to one of the laptop's LAN addresses, and the chair's way to move it
 * to another address (a laptop on both Ethernet and Wi-Fi must serve the room's network).
 * Both browser mode (core/host.ts) and Electron (main/index.ts) bind through here, so the chair
 * method `setTabletAddress` works the same in both.
 */
import type { Core } from '../core';
import type { ServerInfo } from '../../../shared/api/chair-contract';
import { fail, ok, type Result } from '../../../shared/domain/result';
import { lanAddresses } from '../network';
import { startTabletServer, type TabletServer } from './tablet-server';
import { tabletContacted } from './tablet-contact';
import { FailureThrottle, type ThrottleOptions } from './throttle';

export interface TabletBinding {
  /** The server now listening (a new one after each rebind). */
  readonly server: TabletServer;
  readonly address: string;
  /** Moves the tablet server to another of this laptop's addresses, keeping its port. */
  rebind(address: string): Promise<Result<ServerInfo>>;
  close(): Promise<void>;
}

const bindings = new WeakMap<Core, TabletBinding>();

/** The address as it appears in a URL: IPv6 literals in brackets. */
export function urlHost(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

function serverInfo(core: Core): ServerInfo {
  return { tabletUrl: core.tabletUrl, lanAddresses: core.lanAddresses, mode: core.mode, tabletsSeen: tabletContacted(core) };
}

/** Starts the tablet server on `host` and records the tablet URL and the candidate addresses on the core. */
export async function bindTabletServer(
  core: Core,
  options: { host: string; port: number; assetsDir?: string | undefined; nextFreePorts?: number; throttle?: ThrottleOptions | undefined },
): Promise<TabletBinding> {
  // One throttle for the binding's life: moving to another address keeps what it has counted.
  const throttle = new FailureThrottle(options.throttle);
  let server = await listenOnFreePort(core, options, throttle);
  let address = options.host;
  const publish = () => {
    core.tabletUrl = `http://${urlHost(address)}:${server.port}/`;
  };
  core.lanAddresses = withAddress(lanAddresses(), address);
  publish();
  let moving = false;

  const binding: TabletBinding = {
    get server() {
      return server;
    },
    get address() {
      return address;
    },
    async rebind(next) {
      // The laptop may have joined another network since start: read its addresses afresh.
      core.lanAddresses = withAddress(lanAddresses(), address);
      if (!core.lanAddresses.includes(next)) {
        return fail('unknown_address', { value: next });
      }
      if (next === address) return ok(serverInfo(core));
      if (moving) return fail('busy', { action: 'move_address' });
      moving = true;
      const port = server.port;
      try {
        // Close first: the same port may be taken on every address (a wildcard bind elsewhere).
        await server.close();
        try {
          server = await startTabletServer(core, { host: next, port, assetsDir: options.assetsDir, throttle });
          address = next;
        } catch (error) {
          server = await startTabletServer(core, { host: address, port, assetsDir: options.assetsDir, throttle });
          const reason = error instanceof Error ? error.message : String(error);
          return fail('bind_failed', { value: next, detail: reason });
        }
        publish();
        return ok(serverInfo(core));
      } finally {
        moving = false;
      }
    },
    close: () => server.close(),
  };
  bindings.set(core, binding);
  return binding;
}

/**
 * Listens on `port`, or where it is taken (8787 is also RStudio Server's default) on one of the
 * next `nextFreePorts` ports; the tablet URL the core publishes (console, QR, slips) is built
 * from the port really bound.
 */
async function listenOnFreePort(
  core: Core,
  options: { host: string; port: number; assetsDir?: string | undefined; nextFreePorts?: number },
  throttle: FailureThrottle,
): Promise<TabletServer> {
  const tries = options.port === 0 ? 0 : Math.max(0, options.nextFreePorts ?? 0);
  for (let offset = 0; ; offset += 1) {
    const port = options.port + offset;
    try {
      return await startTabletServer(core, { host: options.host, port, assetsDir: options.assetsDir, throttle });
    } catch (error) {
      const inUse = typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EADDRINUSE';
      if (!inUse || offset >= tries || port >= 65535) throw error;
    }
  }
}

function withAddress(list: readonly string[], address: string): string[] {
  return list.includes(address) ? [...list] : [address, ...list];
}

/** The chair's `setTabletAddress`: rebinds where a tablet server is bound, otherwise says why not. */
export async function changeTabletAddress(core: Core, address: string): Promise<Result<ServerInfo>> {
  const binding = bindings.get(core);
  if (!binding) return fail('not_ready', { scope: 'tablet_server' });
  return binding.rebind(address);
}
