/**
 * Module hooks that let Node run the service's TypeScript as it is (`node --import
 * ./test/support/typescript-hooks.js src/worker.ts`), each file transpiled alone as it loads, as
 * Jest does with the tests: a test that needs the service in a process of its own (to kill it)
 * starts it this way instead of compiling the project first.
 */
import { enableCompileCache, register } from 'node:module';
import { fileURLToPath } from 'node:url';

// V8's compiled code kept between these processes too: each would otherwise compile every dependency again.
enableCompileCache(fileURLToPath(new URL('../../node_modules/.cache/node-compile-cache/', import.meta.url)));
register('./typescript-loader.js', import.meta.url);
