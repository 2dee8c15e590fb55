import { Pool } from "undici";
import { classify, type PhaseRecorder } from "./stats.ts";
import { type HttpRequest, readAnswer, type TrpcAnswer } from "./trpc-calls.ts";

export interface Sent extends TrpcAnswer {
  status: number;
  /** The answer's Set-Cookie headers (sign-in). */
  setCookie: string[];
}

/**
 * Keep-alive connections to the one server every virtual user shares, like browsers behind one
 * address would (each browser keeps ~6; the pool is sized for the users). Every request is timed
 * from send to its last byte and recorded under its kind in the current phase.
 */
export class LoadClient {
  private readonly pool: Pool;
  recorder: PhaseRecorder | null = null;

  constructor(origin: string, connections: number) {
    this.pool = new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 60_000, headersTimeout: 60_000, bodyTimeout: 60_000 });
  }

  async send(kind: string, request: HttpRequest): Promise<Sent> {
    const started = performance.now();
    let status = 0;
    let body = "";
    let setCookie: string[] = [];
    try {
      const answer = await this.pool.request({ method: request.method, path: request.path, headers: request.headers, body: request.body });
      status = answer.statusCode;
      body = await answer.body.text();
      const cookies = answer.headers["set-cookie"];
      setCookie = cookies === undefined ? [] : Array.isArray(cookies) ? cookies : [cookies];
    } catch (error) {
      // A refused or reset connection is an error of the run, recorded like a 5xx.
      this.recorder?.record(kind, performance.now() - started, "error", `network ${(error as Error).message}`);
      return { status: 0, data: [], errorCodes: ["NETWORK"], setCookie };
    }
    const latency = performance.now() - started;
    const answer = readAnswer(body);
    const outcome = classify(status, answer.errorCodes);
    this.recorder?.record(kind, latency, outcome, `${status} ${answer.errorCodes.join(",")}`.trim());
    return { status, setCookie, ...answer };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
