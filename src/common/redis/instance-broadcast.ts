import { Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { RedisConnections } from './redis-connections';

/** What a feature does with the messages of one channel. */
export interface BroadcastListener<T> {
  /** A message published by any instance, this one included. */
  message(payload: T): void;
  /** From now on this instance hears every message (subscribed, or subscribed again after a loss). */
  hearing?(): void;
  /** Messages published from now until `hearing` is called again may never arrive (Redis away). */
  missing?(): void;
}

interface Channel {
  listeners: BroadcastListener<unknown>[];
  heard: boolean;
}

/**
 * Messages for every instance of this deployment: Redis pub/sub when REDIS_URL is set (one
 * subscriber and one publisher connection for all channels, names under REDIS_KEY_PREFIX),
 * otherwise only within this process. A message is JSON.
 */
@Injectable()
export class InstanceBroadcast {
  private readonly logger = new Logger(InstanceBroadcast.name);
  private readonly channels = new Map<string, Channel>();
  private readonly subscriber: Redis | null;
  private readonly publisher: Redis | null;

  constructor(private readonly redis: RedisConnections) {
    // made now, so RedisConnections waits for both at start-up: a publication right after it reaches Redis
    this.subscriber = redis.connection('subscriber');
    this.publisher = redis.connection('publisher');
    const subscriber = this.subscriber;
    if (!subscriber) return;
    subscriber.on('message', (name: string, message: string) => this.deliver(name, message));
    // commands fail while the connection is not ready (no offline queue): subscribe once it is
    subscriber.on('ready', () => this.subscribe([...this.channels.keys()]));
    subscriber.on('close', () => {
      for (const channel of this.channels.values()) {
        if (!channel.heard) continue;
        channel.heard = false;
        for (const listener of channel.listeners) listener.missing?.();
      }
    });
  }

  /** Whether messages reach the other instances (REDIS_URL); without it, only this one's. */
  get shared(): boolean {
    return this.subscriber !== null;
  }

  listen<T>(channel: string, listener: BroadcastListener<T>): void {
    const name = this.nameOf(channel);
    const existing = this.channels.get(name);
    if (existing) {
      existing.listeners.push(listener as BroadcastListener<unknown>);
      if (existing.heard) listener.hearing?.();
      return;
    }
    this.channels.set(name, { listeners: [listener as BroadcastListener<unknown>], heard: false });
    if (this.subscriber?.status === 'ready') this.subscribe([name]);
  }

  /**
   * To every instance's listeners. Resolves true once Redis has taken it; without REDIS_URL, or
   * while Redis is away, only this instance's listeners hear it and it resolves false.
   */
  async publish<T>(channel: string, payload: T): Promise<boolean> {
    const name = this.nameOf(channel);
    const message = JSON.stringify(payload);
    if (this.publisher) {
      try {
        await this.publisher.publish(name, message);
        return true;
      } catch (error) {
        this.logger.warn(`Could not tell the other instances (${channel}): ${errorText(error)}`);
      }
    }
    this.deliver(name, message);
    return false;
  }

  private nameOf(channel: string): string {
    return `${this.redis.keyPrefix}${channel}`;
  }

  private subscribe(names: string[]): void {
    if (!this.subscriber || names.length === 0) return;
    this.subscriber.subscribe(...names).then(
      () => {
        for (const name of names) {
          const channel = this.channels.get(name);
          if (!channel || channel.heard) continue;
          channel.heard = true;
          for (const listener of channel.listeners) listener.hearing?.();
        }
      },
      (error: unknown) =>
        this.logger.warn(`Not hearing the other instances yet: ${errorText(error)}`),
    );
  }

  private deliver(name: string, message: string): void {
    const channel = this.channels.get(name);
    if (!channel) return;
    let payload: unknown;
    try {
      payload = JSON.parse(message);
    } catch {
      this.logger.warn(`Ignored a message on ${name} that is not JSON`);
      return;
    }
    for (const listener of channel.listeners) {
      try {
        listener.message(payload);
      } catch (error) {
        this.logger.error(`A listener on ${name} failed: ${errorText(error)}`);
      }
    }
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
