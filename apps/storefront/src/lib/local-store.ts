import { useSyncExternalStore } from "react";
import type { z } from "zod";

export interface LocalStore<T> {
  get(): T;
  set(update: (current: T) => T): void;
  subscribe(listener: () => void): () => void;
}

/**
 * A value kept in localStorage, validated on read (a bad or old value falls back to `initial`),
 * shared by every component that reads it and kept in step with other tabs (the storage event).
 */
export function createLocalStore<S extends z.ZodType>(key: string, schema: S, initial: () => z.infer<S>): LocalStore<z.infer<S>> {
  type T = z.infer<S>;
  const listeners = new Set<() => void>();

  function read(): T {
    try {
      const raw = localStorage.getItem(key);
      const parsed = raw ? schema.safeParse(JSON.parse(raw)) : null;
      if (parsed?.success) return parsed.data;
    } catch {
      // unreadable JSON or storage blocked: start afresh
    }
    const fresh = initial();
    write(fresh);
    return fresh;
  }

  function write(value: T): void {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // storage full or blocked: the value still lives in memory for this tab
    }
  }

  let value = read();
  const emit = () => {
    for (const listener of listeners) listener();
  };
  window.addEventListener("storage", (event) => {
    if (event.key !== key && event.key !== null) return;
    value = read();
    emit();
  });

  return {
    get: () => value,
    set(update) {
      value = update(value);
      write(value);
      emit();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useLocalStore<T>(store: LocalStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}
