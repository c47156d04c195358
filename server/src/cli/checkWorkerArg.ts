// The argument a check worker (parallel.ts) is started with. main.ts looks for it instead of
// asking worker_threads whether it is a worker: loading that module costs ~7 ms of every start.
export const CHECK_WORKER_ARG = '--mendix-email-check-worker';
