import { createCore, type Core } from './core';
import { lanAddresses } from './network';
import { startChairServer, type ChairServer } from './server/chair-server';
import type { TabletServer } from './server/tablet-server';
import { bindTabletServer } from './server/tablet-binding';
import type { ThrottleOptions } from './server/throttle';

export interface HostOptions {
  dataDir: string;
  /** LAN address tablets reach; default: the first private IPv4 address, else 127.0.0.1. */
  lanHost?: string;
  /** Tablet port (0 = any free port). */
  port?: number;
  /** Where `port` is taken, try this many following ports (the default port, not one asked for). */
  nextFreePorts?: number;
  /** Chair console port on 127.0.0.1 (0 = any free port). */
  chairPort?: number;
  /** Built renderer folders; absent in API-only tests. */
  tabletAssets?: string;
  consoleAssets?: string;
  demo?: boolean;
  /** The failed-code throttle's settings (tests that are not about throttling widen them). */
  throttle?: ThrottleOptions;
  /** The built ballot writer thread (core.ts's CoreOptions.writerThread). */
  writerThread?: string;
}

export interface RunningHost {
  readonly core: Core;
  /** The tablet server now listening: a new one after the chair changes the LAN address. */
  readonly tablet: TabletServer;
  readonly chair: ChairServer;
  stop(): Promise<void>;
}

/** Browser mode: the core, the LAN tablet server and the loopback chair server, all in Node. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const core = createCore({ dataDir: options.dataDir, demo: options.demo, mode: 'browser', writerThread: options.writerThread });
  try {
    const lanHost = options.lanHost ?? lanAddresses()[0] ?? '127.0.0.1';
    const binding = await bindTabletServer(core, {
      host: lanHost,
      port: options.port ?? 8787,
      nextFreePorts: options.nextFreePorts ?? 0,
      assetsDir: options.tabletAssets,
      throttle: options.throttle,
    });
    let chair: ChairServer;
    try {
      chair = await startChairServer(core, { port: options.chairPort ?? 0, assetsDir: options.consoleAssets });
    } catch (error) {
      await binding.close();
      throw error;
    }
    return {
      core,
      get tablet() {
        return binding.server;
      },
      chair,
      async stop() {
        await Promise.allSettled([binding.close(), chair.close()]);
        // Ballots already handed to the writer are committed and answered before the file closes.
        await core.writer.stop();
        core.close();
      },
    };
  } catch (error) {
    core.close();
    throw error;
  }
}
