import 'reflect-metadata';
import { runLifecycleBenchmark } from './lifecycle.js';

/** `npm run bench`: figures and ratios, compared only within one run (the machine is shared and noisy). */
await runLifecycleBenchmark({ cases: Number(process.env.BENCH_CASES ?? 300), concurrency: Number(process.env.BENCH_CONCURRENCY ?? 16) });
