import { useQueryClient } from "@tanstack/react-query";
import { useLiveQuery } from "dexie-react-hooks";
import { useCallback, useEffect } from "react";
import { useAppContext } from "../use-app-context.ts";
import { syncOutbox } from "./outbox.ts";
import { type OutboxItem, outboxDb } from "./outbox-db.ts";

const RETRY_MS = 10_000;

/** Everything in the device's outbox, live. */
export function useOutboxItems(): OutboxItem[] {
  return useLiveQuery(() => outboxDb.outbox.orderBy("id").toArray(), [], []);
}

/**
 * Keeps the outbox moving while the admin is open: sends at once, when the browser says it is
 * online again, and every 10 s while anything waits. After a send the counts and stock are re-read.
 */
export function useOutboxSync(): () => Promise<void> {
  const { api, trpc } = useAppContext();
  const queryClient = useQueryClient();
  const waiting = useLiveQuery(() => outboxDb.outbox.where("status").equals("waiting").count(), [], 0);
  const sync = useCallback(async () => {
    const sent = await syncOutbox(api);
    if (sent > 0)
      await Promise.all([
        queryClient.invalidateQueries(trpc.counts.pathFilter()),
        queryClient.invalidateQueries(trpc.stock.pathFilter()),
        queryClient.invalidateQueries(trpc.reports.pathFilter()),
      ]);
  }, [api, trpc, queryClient]);
  useEffect(() => {
    const onOnline = () => void sync();
    window.addEventListener("online", onOnline);
    return () => window.removeEventListener("online", onOnline);
  }, [sync]);
  useEffect(() => {
    if (waiting === 0) return;
    void sync();
    const timer = window.setInterval(() => void sync(), RETRY_MS);
    return () => window.clearInterval(timer);
  }, [waiting, sync]);
  return sync;
}
