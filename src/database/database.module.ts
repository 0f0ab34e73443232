import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app.config';
import { APP_CONFIG } from '../config/config.module';
import { dataSourceOptions } from './data-source-options';
import { DerivedState } from './derived-state';
import { PersonalData } from './personal-data';
import { bindIntegersAsParameters } from './sqlite-parameter-binding';
import { routeSqliteReads } from './sqlite-read-connection';
import { TransactionRunner } from './transaction-runner';
import { shareTransactionWithReads } from './write-context';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.database),
        autoLoadEntities: true,
      }),
      dataSourceFactory: async (options) => {
        const dataSource = new DataSource(options!);
        bindIntegersAsParameters(dataSource);
        await dataSource.initialize(); // migrations run here, on the write connection
        routeSqliteReads(dataSource);
        shareTransactionWithReads(dataSource);
        return dataSource;
      },
    }),
  ],
  providers: [DerivedState, PersonalData, TransactionRunner],
  exports: [DerivedState, PersonalData, TransactionRunner],
})
export class DatabaseModule {}
