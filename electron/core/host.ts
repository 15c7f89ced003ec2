import { createCore, type Core } from './core';
import { lanAddresses } from './network';
import { startChairServer, type ChairServer } from './server/chair-server';
import { startTabletServer, type TabletServer } from './server/tablet-server';

export interface HostOptions {
  dataDir: string;
  /** LAN address tablets reach; default: the first private IPv4 address, else 127.0.0.1. */
  lanHost?: string;
  /** Tablet port (0 = any free port). */
  port?: number;
  /** Chair console port on 127.0.0.1 (0 = any free port). */
  chairPort?: number;
  /** Built renderer folders; absent in API-only tests. */
  tabletAssets?: string;
  consoleAssets?: string;
  demo?: boolean;
}

export interface RunningHost {
  readonly core: Core;
  readonly tablet: TabletServer;
  readonly chair: ChairServer;
  stop(): Promise<void>;
}

/** Browser mode: the core, the LAN tablet server and the loopback chair server, all in Node. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const core = createCore({ dataDir: options.dataDir, demo: options.demo, mode: 'browser' });
  try {
    const addresses = lanAddresses();
    const lanHost = options.lanHost ?? addresses[0] ?? '127.0.0.1';
    const tablet = await startTabletServer(core, { host: lanHost, port: options.port ?? 8787, assetsDir: options.tabletAssets });
    core.tabletUrl = `http://${lanHost.includes(':') ? `[${lanHost}]` : lanHost}:${tablet.port}/`;
    core.lanAddresses = addresses;
    const chair = await startChairServer(core, { port: options.chairPort ?? 0, assetsDir: options.consoleAssets });
    return {
      core,
      tablet,
      chair,
      async stop() {
        await Promise.allSettled([tablet.close(), chair.close()]);
        core.close();
      },
    };
  } catch (error) {
    core.close();
    throw error;
  }
}
