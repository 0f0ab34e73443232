import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { InvalidInputError } from '../common/errors/domain-error';
import { decodeCursor, toConnection } from '../common/graphql/connection';
import { StaffMember } from '../staff/staff-member.entity';
import { DIRECTORY_COUNT_CAP, StaffArgs, StaffConnection } from './dto/staff-filter.input';
import { DirectoryCriteria, DirectoryKey, DirectoryRepository } from './directory.repository';
import { DirectorySearchIndexer } from './directory-search.indexer';
import { searchQuery } from './search-text';

/** Directory search: people others may see, matching what was typed and the filters. */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly directory: DirectoryRepository,
    private readonly indexer: DirectorySearchIndexer,
    @InjectRepository(StaffMember) private readonly staff: Repository<StaffMember>,
  ) {}

  async search(viewer: StaffMember, args: StaffArgs): Promise<StaffConnection> {
    const filter = args.filter ?? {};
    const optionalId = (value: string | null | undefined) =>
      value === null || value === undefined ? undefined : Number(value);
    const criteria: DirectoryCriteria = {
      viewer: { id: viewer.id, organisationId: viewer.organisationId },
      query: filter.search ? searchQuery(filter.search, viewer.organisationId) : null,
      organisationId: optionalId(filter.organisationId),
      siteId: optionalId(filter.siteId),
      departmentId: optionalId(filter.departmentId),
      staffGroup: filter.staffGroup ?? undefined,
      platform: filter.platform ?? undefined,
      communityId: optionalId(filter.communityId),
      verifiedOnly: filter.verifiedOnly ?? false,
    };
    if (filter.search && criteria.query === null) {
      // typed only punctuation (or a reserved tag): nothing can match
      return {
        edges: [],
        pageInfo: { hasNextPage: false, endCursor: null },
        totalCount: 0,
        totalCountCapped: false,
      };
    }
    const after = args.after ? keyFromCursor(args.after, criteria.query !== null) : null;
    await this.indexer.catchUp();
    const [rows, total] = await Promise.all([
      this.directory.page(criteria, after, args.first + 1),
      this.directory.count(criteria, DIRECTORY_COUNT_CAP),
    ]);
    const connection = toConnection(
      rows,
      args.first,
      Math.min(total, DIRECTORY_COUNT_CAP),
      (row) => (criteria.query ? [row.relevance, row.name, row.id] : [row.name, row.id]),
    );
    const ids = connection.edges.map((edge) => edge.node.id);
    const people = ids.length > 0 ? await this.staff.findBy({ id: In(ids) }) : [];
    const byId = new Map(people.map((person) => [person.id, person]));
    return {
      ...connection,
      // someone erased between the two statements is left out rather than failing the page
      edges: connection.edges.flatMap(({ node, cursor }) => {
        const person = byId.get(node.id);
        return person ? [{ node: person, cursor }] : [];
      }),
      totalCountCapped: total > DIRECTORY_COUNT_CAP,
    };
  }
}

/** The key of a cursor this API issued for the same kind of search, or BAD_USER_INPUT. */
export function keyFromCursor(cursor: string, ranked: boolean): DirectoryKey {
  const key = decodeCursor(cursor);
  if (ranked && key.length === 3) {
    const [relevance, name, id] = key;
    if (typeof relevance === 'number' && typeof name === 'string' && Number.isSafeInteger(id)) {
      return { relevance, name, id: id as number };
    }
  }
  if (!ranked && key.length === 2) {
    const [name, id] = key;
    if (typeof name === 'string' && Number.isSafeInteger(id)) {
      return { relevance: null, name, id: id as number };
    }
  }
  throw new InvalidInputError('after is not a cursor from this search', 'after');
}
