import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app.config';
import { APP_CONFIG } from '../../config/config.module';

const STARTUP_WAIT_MS = 3000;

/** REDIS_URL without its password, fit for a log line. */
export function redactedRedisUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString().replace(/\/$/, '');
}

/**
 * The one place Redis connections are made (REDIS_URL). Each purpose gets its own connection
 * (a subscriber cannot issue commands), all closed when the app stops. Commands fail at once
 * while Redis is away instead of queueing, so callers can fall back; ioredis keeps reconnecting.
 */
@Injectable()
export class RedisConnections implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Redis');
  private readonly connections = new Map<string, Redis>();
  /** Why Redis could not be reached when the app started, if it could not. */
  startupProblem: string | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return this.config.redisUrl !== undefined;
  }

  /** Keys of this deployment start with this (REDIS_KEY_PREFIX). */
  get keyPrefix(): string {
    return this.config.redisKeyPrefix;
  }

  /** The connection for `purpose` (e.g. 'rate-limits', 'pubsub'), or null without REDIS_URL. */
  connection(purpose: string): Redis | null {
    if (!this.config.redisUrl) return null;
    let connection = this.connections.get(purpose);
    if (!connection) {
      connection = new Redis(this.config.redisUrl, {
        connectionName: `staff-voices:${purpose}`,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
      });
      // ioredis reports every failed reconnection; one line per outage is enough
      let down = false;
      connection.on('error', (error: Error) => {
        if (!down) this.logger.warn(`${purpose}: Redis is unreachable (${error.message})`);
        down = true;
      });
      connection.on('ready', () => {
        if (down) this.logger.log(`${purpose}: Redis is back`);
        down = false;
      });
      this.connections.set(purpose, connection);
    }
    return connection;
  }

  /** Waits briefly for every connection made so far, and records why Redis cannot be reached. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.redisUrl || this.connections.size === 0) return;
    const where = redactedRedisUrl(this.config.redisUrl);
    for (const connection of this.connections.values()) {
      const problem = await waitUntilReady(connection);
      if (problem) {
        this.startupProblem = `Redis at ${where} is unreachable (${problem})`;
        this.logger.error(this.startupProblem);
        return;
      }
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(
      [...this.connections.values()].map((connection) =>
        connection.quit().catch(() => connection.disconnect()),
      ),
    );
    this.connections.clear();
  }
}

function waitUntilReady(connection: Redis): Promise<string | null> {
  if (connection.status === 'ready') return Promise.resolve(null);
  return new Promise((resolve) => {
    let lastError = 'no answer';
    const onError = (error: Error) => (lastError = error.message || lastError);
    const timer = setTimeout(
      () => finish(`${lastError} after ${STARTUP_WAIT_MS / 1000} s`),
      STARTUP_WAIT_MS,
    );
    const finish = (problem: string | null) => {
      clearTimeout(timer);
      connection.off('ready', onReady);
      connection.off('error', onError);
      resolve(problem);
    };
    const onReady = () => finish(null);
    connection.on('ready', onReady);
    connection.on('error', onError);
  });
}
