/**
 * Exposes exactly two named methods to the chair page; never the raw ipcRenderer.
 * Bundled to CommonJS because sandboxed preloads cannot load ES modules.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNELS } from '../main/security';

const CALL = IPC_CHANNELS.call;
const EVENT = IPC_CHANNELS.event;

contextBridge.exposeInMainWorld('pingyi', {
  call: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(CALL, method, input),
  onEvent: (listener: (event: unknown) => void): (() => void) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(EVENT, wrapped);
    return () => ipcRenderer.removeListener(EVENT, wrapped);
  },
});
