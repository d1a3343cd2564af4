import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what survived its last full collection before it
 * collects again. Its own factor (up to 4× when allocation runs fast, as under a steady stream of
 * requests) let the API process's old generation reach 200 MB of mostly garbage around 76 MB
 * live, and the resident set (354 MB after 8,000 registrations over HTTP) never gave it back.
 * At 30 % it stays near 240 MB; a full collection of that heap costs some tens of milliseconds
 * every thousand or so registrations. Set from the code, not the command line: NODE_OPTIONS does
 * not take this flag, and so every way of starting the service (npm start, the image, a test)
 * gets it.
 */
export const HEAP_GROWING_PERCENT = 30;

export function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
