/**
 * Module hooks that let Node run the service's TypeScript as it is (`node --import
 * ./test/support/typescript-hooks.js src/worker.ts`), each file transpiled alone as it loads, as
 * Jest does with the tests: a test that needs the service in a process of its own (to kill it)
 * starts it this way instead of compiling the project first.
 */
import { register } from 'node:module';

register('./typescript-loader.js', import.meta.url);
