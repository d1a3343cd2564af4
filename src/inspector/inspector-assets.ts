import { createRequire } from 'node:module';
import { pageFiles, type PageFiles } from '../common/page-files.js';

export type InspectorAssets = PageFiles;

export const INSPECTOR_ASSETS = Symbol('INSPECTOR_ASSETS');

/** The inspector page's own files, and the layout library from node_modules. */
export function inspectorAssets(): InspectorAssets {
  const require = createRequire(import.meta.url);
  return pageFiles(import.meta.url, 'src/inspector', ['inspector.js', 'inspector.css'], {
    'elk.bundled.js': require.resolve('elkjs/lib/elk.bundled.js'),
  });
}
