import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Params } from 'nestjs-pino';
import type { Options } from 'pino-http';
import type { AppConfig } from '../../config/app.config';
import { loggableError } from './loggable-error';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A request's id: the caller's `x-request-id` when it is a plain token, otherwise a new UUID. */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * JSON logs with a request id. Nothing personal: no headers (tokens, cookies), no bodies,
 * URLs without their query strings (a search term can be a name), and errors without the values
 * a failed query was bound to.
 */
export function httpLoggerOptions(config: AppConfig): Params & { pinoHttp: Options } {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: requestId,
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: loggableError,
      },
      autoLogging: { ignore: (req: IncomingMessage) => req.url?.startsWith('/health') ?? false },
    },
  };
}
