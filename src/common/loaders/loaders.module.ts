import { Global, Module } from '@nestjs/common';
import { LoaderRegistry } from './loaders';

/** The loader registry, for every feature to add its loaders to (imported once, by AppModule). */
@Global()
@Module({ providers: [LoaderRegistry], exports: [LoaderRegistry] })
export class LoadersModule {}
