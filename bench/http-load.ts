import * as hdr from 'hdr-histogram-js';
import { Agent, request } from 'node:http';

export interface LoadResult {
  name: string;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perSecond: number;
  /** Every request sent, the warm-up's included (the divisor of per-request counts). */
  sent: number;
}

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * Closed-loop load: `concurrency` clients each send their next request when the last one
 * answers. Every response's latency goes into an HDR histogram (microseconds).
 */
export async function runLoad(
  name: string,
  port: number,
  next: (i: number) => LoadRequest,
  options: { concurrency?: number; requests?: number; warmup?: number } = {},
): Promise<LoadResult> {
  const concurrency = options.concurrency ?? 10;
  const total = options.requests ?? 5000;
  const warmup = options.warmup ?? Math.min(500, Math.ceil(total / 10));
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 60_000_000,
    numberOfSignificantValueDigits: 3,
  });
  let issued = 0;
  let errors = 0;

  const send = (req: LoadRequest) =>
    new Promise<number>((resolve, reject) => {
      const started = process.hrtime.bigint();
      const r = request(
        {
          host: '127.0.0.1',
          port,
          method: req.method,
          path: req.path,
          agent,
          headers: req.headers,
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => (body += chunk));
          res.on('end', () => {
            const micros = Number((process.hrtime.bigint() - started) / 1000n);
            if (res.statusCode !== 200 || body.includes('"errors"')) {
              errors += 1;
              if (errors <= 3) console.error(`  ${name}: ${res.statusCode} ${body.slice(0, 300)}`);
            }
            resolve(micros);
          });
        },
      );
      r.on('error', reject);
      if (req.body) r.write(req.body);
      r.end();
    });

  for (let i = 0; i < warmup; i++) await send(next(i));
  errors = 0;
  const started = process.hrtime.bigint();
  const client = async () => {
    while (issued < total) {
      const i = issued++;
      histogram.recordValue(await send(next(i)));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  const ms = (micros: number) => Math.round(micros / 10) / 100;
  return {
    name,
    requests: total,
    errors,
    p50: ms(histogram.getValueAtPercentile(50)),
    p95: ms(histogram.getValueAtPercentile(95)),
    p99: ms(histogram.getValueAtPercentile(99)),
    max: ms(histogram.maxValue),
    perSecond: Math.round(total / seconds),
    sent: warmup + total,
  };
}
