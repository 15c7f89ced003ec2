/**
 * The chair stores under test talk to a real core: the console's IPC transport is given a
 * bridge (what Electron's preload exposes as window.pingyi) that calls the same callChair() the
 * IPC handlers call, on a real host with a real SQLite file. A fresh Pinia per test.
 */
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach } from 'vitest';
import { callChair } from '../../../electron/core/chair-api';
import type { ChairEvent } from '../../../shared/api/chair-contract';
import { startTestHost, type TestHost } from '../../support/running-host';

let current: TestHost | null = null;

/** Installed once per file: the console's transport keeps the bridge it found first. */
function installBridge(): void {
  const target = window as unknown as { pingyi?: unknown };
  if (target.pingyi) return;
  target.pingyi = {
    call: (method: string, input: unknown) => {
      if (!current) throw new Error('no test host running');
      return callChair(current.host.core, method, input);
    },
    onEvent: (listener: (event: ChairEvent) => void) => {
      if (!current) throw new Error('no test host running');
      return current.host.core.events.subscribe(listener);
    },
  };
}

/**
 * A running host and a fresh Pinia for one test. Its `chair()` calls the core in-process too:
 * under happy-dom, fetch is the simulated browser's, which refuses the cross-origin host.
 */
export async function startConsole(): Promise<TestHost> {
  installBridge();
  const host = await startTestHost();
  current = {
    ...host,
    async chair(method, input) {
      const result = await callChair(host.host.core, method, input);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
      return result.value as never;
    },
  };
  setActivePinia(createPinia());
  return current;
}

export async function stopConsole(): Promise<void> {
  await current?.stop();
  current = null;
}

/** Registers a fresh host and Pinia before each test of the file and the stop after; returns the current host. */
export function consolePerTest(): () => TestHost {
  beforeEach(async () => {
    await startConsole();
  });
  afterEach(stopConsole);
  return () => {
    if (!current) throw new Error('no test host running');
    return current;
  };
}
