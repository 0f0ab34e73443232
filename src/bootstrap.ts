import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { validationPipe } from './common/errors/validation';
import { bodyErrors } from './common/http/body-errors';
import { AddressRateLimitMiddleware } from './common/rate-limit/address-rate-limit.middleware';
import { refuseSourceMaps, securityHeaders } from './common/http/security-headers';
import { AppConfig } from './config/app.config';

/** The largest JSON body /graphql, /api and /scim read; larger answers 413. */
export const JSON_BODY_LIMIT = '1mb';

/** Everything but the web client's files and /health counts towards RATE_LIMIT_PER_ADDRESS. */
const RATE_LIMITED_PATHS = ['/graphql', '/api', '/scim'];

/** Builds the application exactly as it serves, for main.ts and for tests alike. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bufferLogs: true,
    forceCloseConnections: false,
    // JSON only (SCIM adds its own): the url-encoded parser is work on every request and
    // nothing here takes form posts.
    bodyParser: false,
  });
  app.use(securityHeaders(config));
  const addressLimit = app.get(AddressRateLimitMiddleware);
  app.use(RATE_LIMITED_PATHS, addressLimit.use.bind(addressLimit));
  if (config.isProduction) app.use(refuseSourceMaps);
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.use(bodyErrors(JSON_BODY_LIMIT));
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(validationPipe());
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // a SHA-1 of every answer for a validator no client sends: answers are `no-store`, and SCIM
  // says it supports no ETags
  app.set('etag', false);
  return app;
}
