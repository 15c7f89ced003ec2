/**
 * WebKitGTK (the engine of iPad Safari) through Debian's WebKitWebDriver under a private Xvfb
 * display, spoken to in plain W3C WebDriver over HTTP (no client library: five commands).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from './free-port';

export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
export const XVFB = '/usr/bin/Xvfb';

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export interface WebKitSession {
  /** Runs `script` (a function body; `arguments` available) in the page and returns its value. */
  run<T>(script: string, ...args: unknown[]): Promise<T>;
  go(url: string): Promise<void>;
  /** Waits until the expression is true in the page. */
  until(expression: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

export async function startWebKit(size: { width: number; height: number }): Promise<WebKitSession> {
  for (const tool of [MINIBROWSER, WEBKIT_DRIVER, XVFB]) if (!existsSync(tool)) throw new Error(`${tool} is needed (apt-get install webkit2gtk-driver xvfb)`);
  const display = `:${100 + Math.floor(Math.random() * 800)}`;
  const xvfb = spawn(XVFB, [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  const port = await freePort();
  const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], { stdio: 'ignore', env: { ...process.env, DISPLAY: display } });
  const base = `http://127.0.0.1:${port}`;
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = (await response.json()) as { value: T & { error?: string; message?: string } };
    if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${json.value.error ?? response.status} ${json.value.message ?? ''}`);
    return json.value;
  };
  try {
    await waitFor(async () => (await fetch(`${base}/status`)).ok, 'WebKitWebDriver');
    const created = await call<{ sessionId: string }>('POST', '/session', {
      capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } },
    });
    const session = `/session/${created.sessionId}`;
    await call('POST', `${session}/window/rect`, { width: size.width, height: size.height, x: 0, y: 0 });
    const run = <T>(script: string, ...args: unknown[]) => call<T>('POST', `${session}/execute/sync`, { script, args });
    return {
      run,
      go: async (url) => {
        await call('POST', `${session}/url`, { url });
      },
      until: (expression, timeoutMs) => waitFor(async () => (await run<boolean>(`return !!(${expression});`)) === true, expression, timeoutMs),
      close: async () => {
        await call('DELETE', session).catch(() => undefined);
        await stop(driver);
        await stop(xvfb);
      },
    };
  } catch (error) {
    await stop(driver);
    await stop(xvfb);
    throw error;
  }
}
