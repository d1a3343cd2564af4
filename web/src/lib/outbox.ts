import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { ApiError, answered, api } from './api';
import type { ClientEventBody } from './labels';
import { refusalOf } from './refusals';

/**
 * What the supporter entered on the phone and the service has not acknowledged yet: a logged visit,
 * a typed report, a photo of the paper report. Kept on the device (IndexedDB, which holds a photo
 * as it is; never in an address) until the service answers, sent again when the connection
 * returns, and removed at sign-out. Each carries the key the device made for it, sent as
 * Idempotency-Key every time: the service files it once however often it arrives.
 */
interface Entered {
  /** The Idempotency-Key, made on the device when the supporter pressed send. */
  key: string;
  /** Whose it is: only the signed-in user's own are shown and sent. */
  user: string;
  caseId: string;
  savedAt: string;
  /** Why the service refused it when it was sent again (it is then sent no more). */
  refusal?: string;
}

type Kinds =
  | { kind: 'visit'; visit: Extract<ClientEventBody, { type: 'LOG_VISIT' }> }
  | { kind: 'report'; visitId: string; text: string }
  | { kind: 'photo'; visitId: string; file: File };

export type Unsent = Entered & Kinds;

/** What a form hands over: the rest is added when it is kept. */
export type Entry = Pick<Entered, 'caseId'> & Kinds;

const DATABASE = 'umgangesstod';
const STORE = 'inte-skickat';
const RETRY_EVERY_MS = 20_000;

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(DATABASE, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(STORE, { keyPath: 'key' });
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error ?? new Error('IndexedDB could not be opened'));
  });
}

async function inStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const database = await openDatabase();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = database.transaction(STORE, mode);
      const request = work(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = transaction.onabort = () =>
        reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    });
  } finally {
    database.close();
  }
}

let items: Unsent[] = [];
let owner: string | undefined;
let sending = false;
let started = false;
let onSent: () => void = () => undefined;
const listeners = new Set<() => void>();

function publish(next: Unsent[]): void {
  items = next;
  for (const listener of listeners) listener();
}

async function reload(): Promise<void> {
  const all = owner ? await inStore<Unsent[]>('readonly', (store) => store.getAll() as IDBRequest<Unsent[]>) : [];
  publish(all.filter((item) => item.user === owner).sort((a, b) => a.savedAt.localeCompare(b.savedAt)));
}

async function keep(item: Unsent): Promise<void> {
  await inStore('readwrite', (store) => store.put(item));
  await reload();
}

export async function forget(key: string): Promise<void> {
  await inStore('readwrite', (store) => store.delete(key));
  await reload();
}

/** At sign-out: nothing the user entered stays on the device. */
export async function clearOutbox(): Promise<void> {
  owner = undefined;
  publish([]);
  await inStore('readwrite', (store) => store.clear());
}

/** Sends one item with its key. */
async function deliver(item: Unsent): Promise<void> {
  const header = { 'Idempotency-Key': item.key };
  if (item.kind === 'visit') {
    answered(await api.POST('/cases/{id}/events', { params: { path: { id: item.caseId }, header }, body: item.visit }));
  } else if (item.kind === 'report') {
    answered(
      await api.POST('/cases/{caseId}/visits/{visitId}/reports', {
        params: { path: { caseId: item.caseId, visitId: item.visitId }, header },
        body: { text: item.text },
      }),
    );
  } else {
    const form = new FormData();
    form.append('file', item.file, item.file.name);
    answered(
      await api.POST('/cases/{caseId}/visits/{visitId}/reports/scans', {
        params: { path: { caseId: item.caseId, visitId: item.visitId }, header },
        // Multipart, as the document upload sends it: the browser sets the boundary.
        body: form as never,
      }),
    );
  }
}

/** The connection (or the service, or the session) failed, not the item: it waits to be sent again. */
function waitsToBeSent(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status >= 500 || error.status === 401 || error.status === 429;
}

/** Sends what waits, oldest first; stops at the first that finds no connection. */
async function sendUnsent(): Promise<void> {
  if (sending || !navigator.onLine) return;
  sending = true;
  try {
    for (const item of items.filter((i) => !i.refusal)) {
      try {
        await deliver(item);
        await forget(item.key);
        onSent();
      } catch (error) {
        if (waitsToBeSent(error)) break;
        const refusal = refusalOf(error);
        await keep({ ...item, refusal: Object.values(refusal.fields)[0] ?? refusal.general });
      }
    }
  } finally {
    sending = false;
  }
}

/**
 * Keeps what the supporter entered, then sends it at once. Answers `sent`, or `kept` when there is
 * no connection (it is sent when one returns); a refusal by the service is thrown for the form to show.
 */
export async function sendOrKeep(entered: Entry): Promise<'sent' | 'kept'> {
  if (!owner) throw new Error('nobody is signed in');
  const item = { ...entered, key: crypto.randomUUID(), user: owner, savedAt: new Date().toISOString() } as Unsent;
  await keep(item);
  try {
    await deliver(item);
  } catch (error) {
    if (waitsToBeSent(error)) return 'kept';
    await forget(item.key);
    throw error;
  }
  await forget(item.key);
  return 'sent';
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * What the signed-in supporter entered and the service has not acknowledged, on this case or on
 * all; sends it when the connection returns (the `online` event) and retries while any waits.
 */
export function useUnsent(user: string, caseId?: string): Unsent[] {
  const client = useQueryClient();
  useEffect(() => {
    onSent = () => void client.invalidateQueries({ queryKey: ['assignment'] });
    if (owner !== user) {
      owner = user;
      void reload().then(sendUnsent);
    }
    if (started) return;
    started = true;
    window.addEventListener('online', () => void sendUnsent());
    window.setInterval(() => {
      if (items.length > 0) void sendUnsent();
    }, RETRY_EVERY_MS);
  }, [user, client]);
  const all = useSyncExternalStore(subscribe, () => items);
  return caseId ? all.filter((item) => item.caseId === caseId) : all;
}
