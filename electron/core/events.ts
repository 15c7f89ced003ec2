import type { ChairEvent } from '../../shared/api/chair-contract';

export type ChairEventListener = (event: ChairEvent) => void;

/** Fan-out of chair events to whoever listens (the WebSocket in browser mode, IPC in Electron). */
export class EventHub {
  private readonly listeners = new Set<ChairEventListener>();

  subscribe(listener: ChairEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ChairEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('chair event listener failed:', error instanceof Error ? error.message : error);
      }
    }
  }
}
