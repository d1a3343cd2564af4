import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The page's files live beside this module in src/; the compiled service (dist/src/inspector) finds them there too. */
function pageDirectory(): string {
  const candidates = [join(here, 'page'), resolve(here, '../../../src/inspector/page')];
  const found = candidates.find((dir) => existsSync(join(dir, 'index.html')));
  if (!found) throw new Error(`the inspector page is missing: looked in ${candidates.join(', ')}`);
  return found;
}

export interface InspectorAssets {
  page: string;
  assets: ReadonlyMap<string, string>;
}

export const INSPECTOR_ASSETS = Symbol('INSPECTOR_ASSETS');

/**
 * Every file the inspector page loads, by the name it is served under: the page's own, and the
 * layout library from node_modules. Nothing comes from the internet.
 */
export function inspectorAssets(): InspectorAssets {
  const dir = pageDirectory();
  const require = createRequire(import.meta.url);
  return {
    page: join(dir, 'index.html'),
    assets: new Map([
      ['inspector.js', join(dir, 'inspector.js')],
      ['inspector.css', join(dir, 'inspector.css')],
      ['elk.bundled.js', require.resolve('elkjs/lib/elk.bundled.js')],
    ]),
  };
}
