/**
 * The one way the chair console talks to the core. In Electron the preload exposes
 * `window.pingyi` (IPC); in browser mode the console calls loopback HTTP with the run's token
 * and receives events over a WebSocket. Stores use this interface, never `window.*` directly.
 */
import type { ChairEvent, ChairInput, ChairMethod, ChairOutputs } from '../../shared/api/chair-contract';
import type { Result } from '../../shared/domain/result';

export interface Transport {
  call<M extends ChairMethod>(method: M, input: ChairInput<M>): Promise<Result<ChairOutputs[M]>>;
  /** Subscribes to pushed events; returns the unsubscribe function. */
  subscribe(listener: (event: ChairEvent) => void): () => void;
}

interface PreloadBridge {
  call(method: string, input: unknown): Promise<unknown>;
  onEvent(listener: (event: unknown) => void): () => void;
}

const NETWORK_ERROR = { ok: false, error: { code: 'network', message: '无法连接到评议程序，请确认它仍在运行。' } } as const;

function ipcTransport(bridge: PreloadBridge): Transport {
  return {
    call: async (method, input) => (await bridge.call(method, input)) as never,
    subscribe: (listener) => bridge.onEvent((event) => listener(event as ChairEvent)),
  };
}

/** Reads the token from the URL fragment once, keeps it for this tab, and clears the address bar. */
function takeToken(): string {
  const match = /token=([\w-]+)/.exec(location.hash);
  if (match?.[1]) {
    sessionStorage.setItem('pingyi.token', match[1]);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem('pingyi.token') ?? '';
}

function httpTransport(): Transport {
  const token = takeToken();
  const listeners = new Set<(event: ChairEvent) => void>();
  let socket: WebSocket | null = null;
  let retry = 500;

  function connect(): void {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/chair/events?token=${encodeURIComponent(token)}`;
    socket = new WebSocket(url);
    socket.onopen = () => {
      retry = 500;
    };
    socket.onmessage = (message) => {
      const event = JSON.parse(String(message.data)) as ChairEvent;
      for (const listener of listeners) listener(event);
    };
    socket.onclose = () => {
      socket = null;
      if (listeners.size > 0) setTimeout(connect, (retry = Math.min(retry * 2, 5000)));
    };
  }

  return {
    async call(method, input) {
      try {
        const response = await fetch(`/api/chair/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-pingyi-token': token },
          body: JSON.stringify(input),
        });
        return (await response.json()) as never;
      } catch {
        return NETWORK_ERROR as never;
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!socket) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) socket?.close();
      };
    },
  };
}

/** IPC where the Electron preload is present, loopback HTTP otherwise. */
export function createTransport(): Transport {
  const bridge = (window as unknown as { pingyi?: PreloadBridge }).pingyi;
  return bridge ? ipcTransport(bridge) : httpTransport();
}
