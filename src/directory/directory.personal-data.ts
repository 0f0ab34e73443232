import { Injectable } from '@nestjs/common';
import { PersonalData } from '../database/personal-data';
import { StaffService } from '../staff/staff.service';
import { DirectoryRepository } from './directory.repository';
import { searchDocument, vocabularyOf } from './search-text';

/**
 * The search index holds a person's name, title, handles and bio, and the typo vocabulary their
 * name and title words. Both are derived (the export has the originals). Erasure drops the
 * person's document, then each of their vocabulary words that no one else's document still has.
 */
@Injectable()
export class DirectoryPersonalData {
  constructor(registry: PersonalData, directory: DirectoryRepository, staff: StaffService) {
    registry.register({
      owner: 'directory',
      tables: [
        'staff_search',
        'directory_search_words',
        'directory_search_words_trigram',
        'directory_search_words_trigram_config',
        'directory_search_words_trigram_data',
        'directory_search_words_trigram_docsize',
        'directory_search_words_trigram_idx',
      ],
      erase: async (tx, { staffId }) => {
        const [person] = await staff.findByIds([staffId], tx);
        await directory.replaceDocuments(tx, [staffId], []);
        if (!person) return;
        const words = vocabularyOf(searchDocument(person, [], { site: null, department: null }));
        await directory.forgetUnusedWords(tx, words);
      },
    });
  }
}
