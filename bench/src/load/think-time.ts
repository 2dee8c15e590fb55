import { setTimeout as sleep } from "node:timers/promises";

export const THINK_MIN_MS = 1_000;
export const THINK_MAX_MS = 5_000;

/** A person's pause between two steps: uniform between 1 and 5 s (`random` in [0, 1)). */
export function thinkMs(random: () => number = Math.random): number {
  return THINK_MIN_MS + Math.floor(random() * (THINK_MAX_MS - THINK_MIN_MS + 1));
}

/** Pauses like a person; false when the user was stopped meanwhile (the journey ends there). */
export async function think(signal: AbortSignal, ms = thinkMs()): Promise<boolean> {
  if (signal.aborted) return false;
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch (error) {
    if ((error as Error).name === "AbortError") return false;
    throw error;
  }
}

/** One of `items`, picked uniformly. */
export function pick<T>(items: readonly T[], random: () => number = Math.random): T {
  if (items.length === 0) throw new Error("pick from an empty list");
  return items[Math.floor(random() * items.length)] as T;
}
