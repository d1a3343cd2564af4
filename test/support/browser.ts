import { existsSync } from 'node:fs';
import { describe } from '@jest/globals';
import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium headless shell (apt-get install chromium-headless-shell): the same Blink and V8
 * as Debian's `chromium`, without the desktop browser around them, as Playwright itself runs
 * headless tests. The browser suites took 189 CPU-seconds in it, against 275 in `chromium
 * --headless` (2026-12-07, the same 58 tests). playwright-core drives it, no browser download.
 */
export const CHROMIUM = '/usr/bin/chromium-headless-shell';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Only the service on 127.0.0.1 is reachable: any other name resolves to nothing.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export const hasChromium = existsSync(CHROMIUM);

/** `describe` where Chromium is installed, and always in CI (which must have it); elsewhere skipped with a warning. */
export function browserDescribe(what: string): typeof describe | typeof describe.skip {
  if (!hasChromium && !process.env.CI) {
    console.warn(`Skipping ${what}: ${CHROMIUM} is missing (apt-get install chromium-headless-shell). In CI it runs.`);
  }
  return hasChromium || process.env.CI ? describe : describe.skip;
}

export function launchChromium(): Promise<Browser> {
  if (!hasChromium) throw new Error(`CI must have ${CHROMIUM}: apt-get install chromium-headless-shell`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}
