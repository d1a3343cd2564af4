import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pageFiles, type PageFiles } from '../common/page-files.js';

export type StatisticsAssets = PageFiles;

export const STATISTICS_ASSETS = Symbol('STATISTICS_ASSETS');

/** The statistics page's own files, and Chart.js from node_modules. */
export function statisticsAssets(): StatisticsAssets {
  const require = createRequire(import.meta.url);
  return pageFiles(import.meta.url, 'src/statistics', ['statistics.js', 'statistics.css'], {
    // The browser build sits beside the package's entry point; the package exports no path to it.
    'chart.umd.min.js': join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'),
  });
}
