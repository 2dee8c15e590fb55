import type { LoadClient } from "./http-client.ts";
import { LOAD_PASSWORD, type LoadShop } from "./seed-shop.ts";
import { shopperVisit } from "./shopper.ts";
import { signInStaff, staffRound } from "./staff.ts";
import { THINK_MAX_MS, think } from "./think-time.ts";

/** Every tenth user is staff, the others shoppers (~90 % / ~10 % at any size). */
export const isStaffUser = (index: number) => index % 10 === 9;

interface User {
  controller: AbortController;
  done: Promise<void>;
}

/**
 * The virtual users: async loops in this process, each a shopper (visit after visit, a think time
 * apart) or a staff member (signs in once, then round after round). `resize` starts new users, each
 * after a random 0-5 s so they do not move in step, or stops the newest ones.
 */
export class VirtualUsers {
  private readonly users: User[] = [];
  /** Loops that failed outside a request (a bug of the bench, not an answer): reported, never hidden. */
  readonly crashes: string[] = [];
  /** Sign-ins refused or failed (each is also an error of its phase); the user tries again after a pause. */
  signInFailures = 0;
  /**
   * Staff sign in one at a time: every sign-in from one IP takes that IP's advisory lock inside a
   * pooled transaction (domain auth/rate-limit.ts), so a burst from the bench's single address
   * queues on the lock holding database connections, which real staff on their own addresses never do.
   */
  private signIns: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly client: LoadClient,
    private readonly shop: LoadShop,
  ) {}

  get count() {
    return this.users.length;
  }

  resize(target: number): void {
    while (this.users.length < target) {
      const index = this.users.length;
      const controller = new AbortController();
      const done = this.run(index, controller.signal).catch((error: unknown) => {
        this.crashes.push(String((error as Error).stack ?? error));
      });
      this.users.push({ controller, done });
    }
    const stopped = this.users.splice(target);
    for (const user of stopped) user.controller.abort();
  }

  /** Stops every user and waits for the requests in flight to be answered. */
  async stopAll(): Promise<void> {
    const all = this.users.splice(0);
    for (const user of all) user.controller.abort();
    await Promise.all(all.map((user) => user.done));
  }

  private async run(index: number, signal: AbortSignal): Promise<void> {
    if (!(await think(signal, Math.random() * THINK_MAX_MS))) return;
    if (!isStaffUser(index)) {
      while (!signal.aborted) {
        await shopperVisit(this.client, signal);
        await think(signal);
      }
      return;
    }
    const account = this.shop.staff[Math.floor(index / 10) % this.shop.staff.length];
    if (!account) return;
    let session = null;
    while (!session && !signal.aborted) {
      const attempt = this.signIns.then(() => signInStaff(this.client, account.email, LOAD_PASSWORD));
      this.signIns = attempt.catch(() => null);
      session = await attempt;
      if (!session) {
        this.signInFailures++;
        await think(signal);
      }
    }
    while (session && !signal.aborted) {
      await staffRound(this.client, session, signal);
      await think(signal);
    }
  }
}
