import { Global, Module } from '@nestjs/common';
import { TypeOrmModule, TypeOrmModuleOptions } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions, MigrationExecutor } from 'typeorm';
import type { ReadsConfig } from '../config/app.config';
import { AppConfig } from '../config/app.config';
import { APP_CONFIG } from '../config/config.module';
import { dataSourceOptions } from './data-source-options';
import { DeferredDrainer } from './deferred-drainer';
import { DerivedState } from './derived-state';
import { PersonalData } from './personal-data';
import { boundPostgresReads } from './postgres-read-budget';
import { bindIntegersAsParameters } from './sqlite-parameter-binding';
import { checkpointSqliteOffTheLoop } from './sqlite-checkpointer';
import { routeSqliteReads } from './sqlite-read-connection';
import { TransactionRunner } from './transaction-runner';
import { shareTransactionWithReads } from './write-context';

type AppDataSourceOptions = TypeOrmModuleOptions & { reads: ReadsConfig };

/**
 * Migrations run on a connection of their own with no statement timeout: on PostgreSQL the
 * pool's connections carry the read budget (`statement_timeout`), which a migration over a
 * national table would exceed.
 */
async function runMigrations(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner('master');
  const postgres = dataSource.options.type === 'postgres';
  try {
    if (postgres) await runner.query('SET statement_timeout = 0');
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = dataSource.options.migrationsTransactionMode ?? 'all';
    await executor.executePendingMigrations();
    if (postgres) await runner.query('RESET statement_timeout');
  } finally {
    await runner.release();
  }
}

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        ({
          ...dataSourceOptions(config.database, config.reads),
          autoLoadEntities: true,
          reads: config.reads,
        }) as AppDataSourceOptions,
      dataSourceFactory: async (options) => {
        const { reads, ...typeormOptions } = options as AppDataSourceOptions;
        const dataSource = new DataSource({
          ...(typeormOptions as DataSourceOptions),
          migrationsRun: false,
        });
        bindIntegersAsParameters(dataSource);
        await dataSource.initialize();
        await runMigrations(dataSource); // on the write connection, before reads are routed
        routeSqliteReads(dataSource, reads);
        checkpointSqliteOffTheLoop(dataSource);
        boundPostgresReads(dataSource, reads.budgetMs);
        shareTransactionWithReads(dataSource); // after: a transaction's own runner is bound once
        return dataSource;
      },
    }),
  ],
  providers: [DerivedState, PersonalData, TransactionRunner, DeferredDrainer],
  exports: [DerivedState, PersonalData, TransactionRunner, DeferredDrainer],
})
export class DatabaseModule {}
