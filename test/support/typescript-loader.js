import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const { config } = ts.readConfigFile(fileURLToPath(new URL('../../tsconfig.json', import.meta.url)), (path) =>
  readFileSync(path, 'utf8'),
);
// The project's own options (decorators and their metadata among them), for a file on its own.
const compilerOptions = {
  ...ts.convertCompilerOptionsFromJson(config.compilerOptions, '.').options,
  module: ts.ModuleKind.ESNext,
  sourceMap: false,
  inlineSourceMap: true,
};

/** `./x.js` written in a TypeScript file means `./x.ts` beside it, as the compiler reads it. */
export async function resolve(specifier, context, next) {
  if (context.parentURL?.endsWith('.ts') && /^\.{1,2}\/.*\.js$/.test(specifier)) {
    const url = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (existsSync(fileURLToPath(url))) return { url: url.href, format: 'module', shortCircuit: true };
  }
  return next(specifier, context);
}

/**
 * Each file's JavaScript, kept by a hash of its source, its path and the compiler's options: every
 * process a test starts from the sources would otherwise transpile the whole service again (seconds
 * of CPU each). Written under a name of its own and renamed, so a file that exists is complete.
 */
const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/typescript-hooks/', import.meta.url));
const OPTIONS_KEY = `${ts.version}\0${JSON.stringify(compilerOptions)}`;

function transpiled(fileName, source) {
  const key = createHash('sha256').update(OPTIONS_KEY).update('\0').update(fileName).update('\0').update(source);
  const path = join(CACHE_DIR, `${key.digest('hex')}.js`);
  if (existsSync(path)) return readFileSync(path, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName });
  mkdirSync(CACHE_DIR, { recursive: true });
  const making = `${path}.${process.pid}-${randomBytes(4).toString('hex')}`;
  writeFileSync(making, outputText);
  renameSync(making, path);
  return outputText;
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const fileName = fileURLToPath(url);
  return { format: 'module', source: transpiled(fileName, await readFile(fileName, 'utf8')), shortCircuit: true };
}
