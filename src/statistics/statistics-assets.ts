import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export interface StatisticsAssets {
  page: string;
  assets: ReadonlyMap<string, string>;
}

export const STATISTICS_ASSETS = Symbol('STATISTICS_ASSETS');

/**
 * Every file the statistics page loads, by the name it is served under: the page's own (beside
 * this module in src/, found there from dist/ too) and Chart.js from node_modules. Nothing comes
 * from the internet.
 */
export function statisticsAssets(): StatisticsAssets {
  const candidates = [join(here, 'page'), resolve(here, '../../../src/statistics/page')];
  const dir = candidates.find((candidate) => existsSync(join(candidate, 'index.html')));
  if (!dir) throw new Error(`the statistics page is missing: looked in ${candidates.join(', ')}`);
  const require = createRequire(import.meta.url);
  return {
    page: join(dir, 'index.html'),
    assets: new Map([
      ['statistics.js', join(dir, 'statistics.js')],
      ['statistics.css', join(dir, 'statistics.css')],
      // The browser build sits beside the package's entry point; the package exports no path to it.
      ['chart.umd.min.js', join(dirname(require.resolve('chart.js')), 'chart.umd.min.js')],
    ]),
  };
}
