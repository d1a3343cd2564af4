import 'reflect-metadata';
import { runDeadlineBenchmark } from './deadlines.js';
import { runLifecycleBenchmark } from './lifecycle.js';

/** `npm run bench`: figures and ratios, compared only within one run (the machine is shared and noisy). */
await runLifecycleBenchmark({ cases: Number(process.env.BENCH_CASES ?? 300), concurrency: Number(process.env.BENCH_CONCURRENCY ?? 16) });
await runDeadlineBenchmark();
