const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `task` once the tasks queued before it under the same key (in this process) have settled,
 * whether they succeeded or failed; tasks under other keys do not wait. The queue of a key is
 * forgotten when it empties.
 */
export async function oneAtATime<T>(key: string, task: () => Promise<T>): Promise<T> {
  const before = queues.get(key) ?? Promise.resolve();
  const run = before.then(task, task);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}

/** How many keys have tasks queued or running (for tests). */
export function queuedKeys(): number {
  return queues.size;
}
