import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  MiddlewareConsumer,
  Module,
  NestModule,
  RequestMethod,
} from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger, Params, PARAMS_PROVIDER_TOKEN, PinoLogger } from 'nestjs-pino';
import type { Logger as Pino } from 'pino';
import { Options, pinoHttp } from 'pino-http';
import { currentRequest, RequestScope, runInRequest } from '../context/async-context';
import { requestId } from './http-logger';

/**
 * nestjs-pino's logger (the app's `Logger`, every Nest `Logger` call goes through it), finding the
 * request's logger in the one async context store (common/context/async-context.ts) instead of
 * nestjs-pino's own, which is never entered.
 */
@Injectable()
export class RequestPinoLogger extends PinoLogger {
  constructor(@Inject(PARAMS_PROVIDER_TOKEN) params: Params) {
    super(params);
  }

  override get logger(): Pino {
    return currentRequest()?.logger ?? super.logger;
  }
}

/** A request's logger (pino-http's child with the request's bindings), made when first used. */
class LazyRequestLogger implements RequestScope {
  private made: Pino | undefined;

  constructor(
    private readonly root: Pino,
    private readonly req: IncomingMessage,
  ) {}

  get logger(): Pino {
    return (this.made ??= this.root.child({ req: this.req }));
  }
}

type LoggedRequest = IncomingMessage & { id?: unknown; allLogs?: Pino[] };

/**
 * Every request runs as part of itself (its logs carry `req`: id, method, path). When the level
 * writes the access log (pino-http logs each response at `info`), pino-http runs exactly as it
 * always did. Above it (`LOG_LEVEL=warn`, the bench's and most production settings) nothing of
 * pino-http's would be written, so the request only gets its id, and its logger, with the
 * request serialised into its bindings, is made the first time something logs in the request:
 * the same lines, and none of the work on a request that logs nothing.
 */
export function requestLogging(options: Options) {
  const http = pinoHttp(options);
  const root = http.logger;
  return (req: LoggedRequest, res: ServerResponse, next: () => void): void => {
    if (root.isLevelEnabled('info')) {
      http(req, res, () => runInRequest({ logger: req.allLogs![req.allLogs!.length - 1] }, next));
      return;
    }
    req.id ||= requestId(req);
    runInRequest(new LazyRequestLogger(root, req), next);
  };
}

/** In place of nestjs-pino's LoggerModule: its Logger, the request's logger from our store. */
@Global()
@Module({})
export class LoggingModule implements NestModule {
  constructor(
    @Inject(PARAMS_PROVIDER_TOKEN) private readonly params: Params & { pinoHttp: Options },
  ) {}

  static forRoot(params: Params & { pinoHttp: Options }): DynamicModule {
    return {
      module: LoggingModule,
      providers: [
        { provide: PARAMS_PROVIDER_TOKEN, useValue: params },
        { provide: PinoLogger, useClass: RequestPinoLogger },
        Logger,
      ],
      exports: [Logger, PinoLogger, PARAMS_PROVIDER_TOKEN],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // nestjs-pino's routes: every path, every method (Express 4's `*`, which Nest 11 still takes)
    consumer
      .apply(requestLogging(this.params.pinoHttp))
      .forRoutes({ path: '*', method: RequestMethod.ALL });
  }
}
