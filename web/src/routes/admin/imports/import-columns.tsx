import { Table } from 'nhsuk-react-components';

export type ImportKind = 'METRICS' | 'CAMPAIGN_ACTIVITY';

interface Column {
  name: string;
  required: boolean;
  what: string;
}

const PLATFORM =
  'X, LinkedIn, Facebook, Instagram, Mastodon, Bluesky, Threads, TikTok, YouTube or Website (any case; Twitter means X)';
const HANDLE = 'the account’s handle in any form: @name, name, or a link to the profile';

/** The columns `POST /api/imports/*` reads (docs/metrics.md), for the page to show. */
export const IMPORT_COLUMNS: Record<ImportKind, { columns: Column[]; example: string }> = {
  METRICS: {
    columns: [
      { name: 'platform', required: true, what: PLATFORM },
      { name: 'handle', required: true, what: HANDLE },
      { name: 'date', required: true, what: 'the day, written YYYY-MM-DD, not in the future' },
      { name: 'followers', required: true, what: 'a whole number, 0 or more' },
      { name: 'following', required: false, what: 'a whole number, 0 or more, or blank' },
      { name: 'posts', required: false, what: 'a whole number, 0 or more, or blank' },
      { name: 'engagements', required: false, what: 'a whole number, 0 or more, or blank' },
    ],
    example: [
      'platform,handle,date,followers,following,posts,engagements',
      'X,@nursejo,2027-03-14,1520,310,4,87',
      'Mastodon,@porterpat@mastodon.social,2027-03-14,240,,,',
    ].join('\n'),
  },
  CAMPAIGN_ACTIVITY: {
    columns: [
      { name: 'platform', required: true, what: PLATFORM },
      { name: 'handle', required: true, what: HANDLE },
      { name: 'date', required: true, what: 'the day, written YYYY-MM-DD, within the campaign' },
      { name: 'posts', required: true, what: 'posts using the campaign’s hashtag that day' },
      { name: 'engagements', required: true, what: 'likes, shares and replies to them that day' },
    ],
    example: [
      'platform,handle,date,posts,engagements',
      'X,@nursejo,2027-03-15,3,42',
      'LinkedIn,https://www.linkedin.com/in/porterpat,2027-03-15,1,9',
    ].join('\n'),
  },
};

/** The columns of one kind of file, and an example file. */
export function ImportColumns({ kind }: { kind: ImportKind }) {
  const { columns, example } = IMPORT_COLUMNS[kind];
  return (
    <>
      <Table.Container>
        <Table
          responsive
          caption={kind === 'METRICS' ? 'Columns of a figures file' : 'Columns of an activity file'}
          captionProps={{ className: 'nhsuk-u-visually-hidden' }}
        >
          <Table.Head>
            <Table.Row>
              <Table.Cell>Column</Table.Cell>
              <Table.Cell>Required</Table.Cell>
              <Table.Cell>What goes in it</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {columns.map((column) => (
              <Table.Row key={column.name}>
                <Table.Cell>
                  <code>{column.name}</code>
                </Table.Cell>
                <Table.Cell>{column.required ? 'Yes' : 'No'}</Table.Cell>
                <Table.Cell>{column.what}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Table.Container>
      <p>For example:</p>
      <pre className="app-csv-example" tabIndex={0} aria-label="Example file">
        <code>{example}</code>
      </pre>
    </>
  );
}
