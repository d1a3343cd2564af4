import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Response } from 'express';
import { NotFoundError } from './domain-errors.js';

/** A page the service serves itself, and every file it loads, by the name each is served under. */
export interface PageFiles {
  page: string;
  assets: ReadonlyMap<string, string>;
}

/**
 * A page whose files live in the folder `page` beside the module at `moduleUrl` in src/ (the
 * compiled service, in dist/, finds them there too), with libraries from node_modules given by
 * path. Nothing comes from the internet.
 */
export function pageFiles(
  moduleUrl: string,
  srcFolder: string,
  own: string[],
  libraries: Record<string, string>,
): PageFiles {
  const here = dirname(fileURLToPath(moduleUrl));
  const candidates = [join(here, 'page'), resolve(here, '../../..', srcFolder, 'page')];
  const dir = candidates.find((candidate) => existsSync(join(candidate, 'index.html')));
  if (!dir) throw new Error(`the page is missing: looked in ${candidates.join(', ')}`);
  return {
    page: join(dir, 'index.html'),
    assets: new Map([...own.map((name): [string, string] => [name, join(dir, name)]), ...Object.entries(libraries)]),
  };
}

/** Sends one of the page's files; a name it does not have is not found. */
export function sendPageAsset(res: Response, files: PageFiles, name: string): void {
  const path = files.assets.get(name);
  if (!path) throw new NotFoundError('page asset');
  res.sendFile(path);
}
