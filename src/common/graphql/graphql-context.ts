import type { Request } from 'express';
import type { Loaders } from '../loaders/loaders';

export interface GraphQLContext {
  req: Request;
  loaders: Loaders;
}
