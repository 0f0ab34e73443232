import { Module } from '@nestjs/common';
import { DirectorySearchIndexer } from './directory-search.indexer';
import { DirectoryRepository } from './directory.repository';

/** The search index alone, so staff and social accounts can keep it in step without a cycle. */
@Module({
  providers: [DirectorySearchIndexer, DirectoryRepository],
  exports: [DirectorySearchIndexer, DirectoryRepository],
})
export class DirectoryIndexModule {}
