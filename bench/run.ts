import 'reflect-metadata';
import { parseBenchArgs } from './bench-setup.js';
import { runCasesBenchmark } from './cases.js';
import { runDeadlineBenchmarks } from './deadlines.js';
import { runLifecycleBenchmark, runProcessesBenchmark } from './lifecycle.js';
import { runRegistrationMemoryBenchmark } from './registrations.js';

/**
 * `npm run bench [-- --postgres] [--api-processes N] [--workers N]`, or `-- --cases N [--postgres]` or
 * `-- --register-http N [--postgres]` alone: figures and ratios, compared
 * only within one run (the machine is shared and noisy).
 */
const args = (() => {
  try {
    return parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`npm run bench: ${(error as Error).message}`);
    process.exit(2);
  }
})();
if (args.registerHttp !== undefined) {
  await runRegistrationMemoryBenchmark({ registrations: args.registerHttp, postgres: args.postgres });
  process.exit(0);
}
if (args.cases !== undefined) {
  await runCasesBenchmark({ cases: args.cases, postgres: args.postgres });
  process.exit(0);
}
const load = {
  cases: Number(process.env.BENCH_CASES ?? 300),
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 16),
  postgres: args.postgres,
};
if (args.apiProcesses !== undefined) await runProcessesBenchmark({ ...load, apiProcesses: args.apiProcesses });
else await runLifecycleBenchmark(load);
await runDeadlineBenchmarks({
  postgres: args.postgres,
  workers: args.workers,
  deadlines: Number(process.env.BENCH_DEADLINES ?? 10_000),
});
