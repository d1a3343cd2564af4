import type { AddressInfo } from 'node:net';
import type { InspectionMessage } from '../../src/inspector/inspection-message.js';
import { eventually } from '../support/eventually.js';
import type { TestApp } from '../support/test-app.js';

/** The test app on a real port, for a browser or a long-lived stream. */
export async function listening(t: TestApp): Promise<string> {
  const server = t.app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Reads the inspector's event stream as raw text and as messages until stopped. */
export class StreamReader {
  text = '';
  private readonly abort = new AbortController();
  private readonly done: Promise<void>;
  private readonly opened: Promise<void>;

  constructor(url: string, token: string) {
    let open!: () => void;
    this.opened = new Promise((resolve) => (open = resolve));
    this.done = (async () => {
      const res = await fetch(`${url}/inspector/api/stream`, {
        headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` },
        signal: this.abort.signal,
      });
      if (res.status !== 200 || !res.body) throw new Error(`stream answered ${res.status}`);
      open();
      const decoder = new TextDecoder();
      try {
        for await (const chunk of res.body) this.text += decoder.decode(chunk, { stream: true });
      } catch (error) {
        if (!this.abort.signal.aborted) throw error;
      }
    })();
    this.done.catch(() => open());
  }

  /** Resolves once the service answered the stream's request: events from then on are read. */
  ready(): Promise<void> {
    // The service subscribes to the feed in the same turn as it starts the answer.
    return this.opened;
  }

  get messages(): InspectionMessage[] {
    return this.text
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => JSON.parse(line.slice(5)) as InspectionMessage);
  }

  async until(predicate: (messages: InspectionMessage[]) => boolean, timeoutMs = 5000): Promise<void> {
    await eventually(() => {
      if (!predicate(this.messages))
        throw new Error(`the stream did not carry what was expected; it carried:\n${this.text}`);
    }, timeoutMs);
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.done.catch(() => undefined);
  }
}
