import { createWebSocketInspector, type StatelyInspectionEvent } from '@statelyai/inspect';
import { createInspectorServer } from '@statelyai/inspect/server';

/**
 * Optional (INSPECT_STATELY=true): the same inspection events, sent to Stately's hosted inspector.
 * A local bridge page (http://localhost:<port>) embeds stately.ai/inspect and relays the events
 * from this process over a WebSocket, so the browser that opens it needs internet access.
 */
export class StatelyBridge {
  private readonly server: ReturnType<typeof createInspectorServer>;
  private readonly inspector: ReturnType<typeof createWebSocketInspector>;

  constructor(readonly port: number) {
    this.server = createInspectorServer({ port, autoOpen: false });
    this.inspector = createWebSocketInspector({ url: `ws://localhost:${port}` });
  }

  /** Each short-lived actor has a fresh session id; the case id keeps one case one actor in Stately's view. */
  send(caseId: string, event: StatelyInspectionEvent): void {
    this.inspector.adapter.send({ ...event, sessionId: caseId, rootId: caseId });
  }

  stop(): void {
    // The WebSocket inspector retries for ever once its server is gone: stop it first.
    this.inspector.stop();
    this.server.stop();
  }
}
