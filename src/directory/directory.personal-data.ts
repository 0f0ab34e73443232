import { Injectable } from '@nestjs/common';
import { PersonalData } from '../database/personal-data';
import { DirectoryRepository } from './directory.repository';

/**
 * The search index holds a person's name, title, handles and bio. It is derived (the export
 * has the originals), and the erasure's 'staff' touch would drop it anyway; deleting it here
 * says so where the registry can see it.
 */
@Injectable()
export class DirectoryPersonalData {
  constructor(registry: PersonalData, directory: DirectoryRepository) {
    registry.register({
      owner: 'directory',
      tables: ['staff_search'],
      erase: (tx, { staffId }) => directory.replaceDocuments(tx, [staffId], []),
    });
  }
}
