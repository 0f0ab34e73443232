import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { csvRecordBatches } from './csv-stream';
import { SeededRandom } from '../common/seeded-random';

/** What csv-parse alone makes of the whole text, with the import's options (as it read every file before). */
async function csvParseAlone(text: string): Promise<{ records: string[][]; skips: number[] }> {
  const parser = parse({
    skip_empty_lines: false,
    relax_column_count: true,
    skip_records_with_error: true,
    relax_quotes: true,
  });
  const skips: number[] = [];
  parser.on('skip', () => skips.push(parser.info.records));
  const records: string[][] = [];
  parser.end(text);
  for await (const record of parser) records.push(record as string[]);
  return { records, skips };
}

async function streamed(
  text: string,
  chunkSize: number,
): Promise<{ records: string[][]; skips: number[] }> {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const skips: number[] = [];
  const records: string[][] = [];
  for await (const batch of csvRecordBatches(Readable.from(chunks), 1e9, (after) =>
    skips.push(after),
  )) {
    records.push(...batch);
  }
  return { records, skips };
}

const PIECES = [
  'a',
  'bc',
  '12',
  ' x ',
  ',',
  ',',
  ',',
  '\n',
  '\n',
  '\r\n',
  '\r',
  '"',
  '""',
  'é',
  '',
];

describe('csvRecordBatches', () => {
  it('reads what csv-parse reads, quote-free or not, however the upload is chunked', async () => {
    const random = new SeededRandom(11); // seeded, so a failure can be run again
    for (let round = 0; round < 400; round++) {
      // mostly quote-free files (the fast path), some with quotes or stray carriage returns late
      const clean = round % 3 !== 0;
      const ending = round % 2 === 0 ? '\n' : '\r\n';
      let text = '';
      const lines = 1 + random.int(12);
      for (let l = 0; l < lines; l++) {
        const fields = random.int(4);
        const line: string[] = [];
        for (let f = 0; f <= fields; f++) {
          let field = '';
          for (let c = random.int(3); c > 0; c--) {
            const piece = PIECES[random.int(PIECES.length)];
            if (clean && /[\r\n",]/.test(piece)) continue;
            field += piece;
          }
          line.push(field);
        }
        text += line.join(',') + (l < lines - 1 || random.int(2) === 0 ? ending : '');
      }
      const expected = await csvParseAlone(text);
      for (const chunkSize of [1, 3, 7, 64 * 1024]) {
        const got = await streamed(text, chunkSize);
        expect({ text, chunkSize, ...got }).toEqual({ text, chunkSize, ...expected });
      }
    }
  });

  it('hands the rest of the file to csv-parse from the first quoted line on', async () => {
    const text = 'platform,handle\nX,a\nX,"b,c"\nX,d\n';
    expect((await streamed(text, 5)).records).toEqual([
      ['platform', 'handle'],
      ['X', 'a'],
      ['X', 'b,c'],
      ['X', 'd'],
    ]);
  });
});
