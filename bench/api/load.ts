import autocannon from 'autocannon';

/**
 * The load generator, run as a child process (bench/api/http.ts forks it) so autocannon never shares the app's
 * event loop. It receives one plan over IPC, runs it and answers with the figures.
 * Reads loop over their request list for a fixed duration; writes send each request of the list at most once
 * (`amount`), so every counted response is a distinct write.
 */
export interface LoadRequest {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadPlan {
  url: string;
  connections: number;
  requests: LoadRequest[];
  /** Seconds, for reads (the list is cycled). */
  duration?: number;
  /** Total requests, for writes (each list entry used once). */
  amount?: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  samples: string[];
}

async function run(plan: LoadPlan): Promise<LoadResult> {
  let next = 0;
  const samples: string[] = [];
  const started = performance.now();
  let lastAnswer = started;
  const result = await autocannon({
    url: plan.url,
    connections: plan.connections,
    ...(plan.amount ? { amount: plan.amount } : { duration: plan.duration ?? 10 }),
    timeout: 30,
    requests: [
      {
        // One counter for all connections: reads rotate through users and ids, writes never repeat an entry.
        setupRequest: (req) => {
          const r = plan.requests[next++ % plan.requests.length];
          return { ...req, method: r.method, path: r.path, headers: r.headers, body: r.body };
        },
        onResponse: (status, body) => {
          lastAnswer = performance.now();
          if ((status < 200 || status > 299) && samples.length < 3) samples.push(`${status} ${String(body).slice(0, 200)}`);
        },
      },
    ],
  });
  // A run of a fixed amount ends at autocannon's next one-second tick after its last answer, which rounded every
  // write run up to whole seconds (2000 writes in 9.1 s counted as 10 s: 200 req/s, not 220): such a run is timed
  // to its last answer. A run of a fixed duration is timed whole.
  const seconds = ((plan.amount ? lastAnswer : performance.now()) - started) / 1000;
  const statusCodes: Record<string, number> = {};
  for (const [code, v] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = (v as { count: number }).count;
  return {
    requests: result.requests.total,
    seconds,
    rps: result['2xx'] / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    samples,
  };
}

process.once('message', (plan: LoadPlan) => {
  run(plan)
    .then((r) => process.send?.(r, () => process.exit(0)))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
});
