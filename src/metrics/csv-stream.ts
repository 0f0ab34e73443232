import { parse, Parser } from 'csv-parse';
import { pipeline, Readable } from 'node:stream';
import { ImportEncodingError, ImportTooLargeError } from './metrics.errors';

/**
 * A CSV upload as records, streamed: bytes are counted against the limit (413 past it), checked
 * to be UTF-8 (a UTF-8 byte order mark is dropped; UTF-16 and invalid sequences are refused),
 * and parsed by csv-parse a chunk at a time, so a 100 MB file never sits in memory. Records come
 * as arrays of fields, one per row a spreadsheet shows (a blank line is `['']`), so the caller
 * counts lines as a spreadsheet does; a record csv-parse cannot read is reported through
 * `onMalformed` with the number of records before it, and the rest carry on.
 */
export function csvRecords(
  source: Readable,
  limit: number,
  onMalformed: (afterRecords: number, error: { code?: string; message: string }) => void,
): Parser {
  const parser = parse({
    // blank lines come through as one empty field, so every record's line is counted
    skip_empty_lines: false,
    relax_column_count: true,
    skip_records_with_error: true,
    // a stray quote inside a field is kept as text (the field then fails its own check)
    relax_quotes: true,
  });
  // csv-parse reads ahead of the caller: a skip says after how many records it came
  parser.on('skip', (error: Error & { code?: string }) => onMalformed(parser.info.records, error));
  pipeline(Readable.from(utf8Text(source, limit)), parser, () => undefined);
  return parser;
}

async function* utf8Text(source: AsyncIterable<Buffer | string>, limit: number) {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let bytes = 0;
  let first = true;
  for await (const raw of source) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    bytes += chunk.length;
    if (bytes > limit) throw new ImportTooLargeError(limit);
    if (first && chunk.length > 0) {
      first = false;
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
        throw new ImportEncodingError('UTF-16 (it starts with a UTF-16 byte order mark)');
      }
      if (chunk.subarray(0, 4096).includes(0)) {
        throw new ImportEncodingError('not plain text (it has NUL bytes, as UTF-16 files do)');
      }
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new ImportEncodingError(
        `not valid UTF-8 (a byte that UTF-8 does not allow, near byte ${bytes - chunk.length + 1})`,
      );
    }
    if (text) yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw new ImportEncodingError('not valid UTF-8 (it ends in the middle of a character)');
  }
  if (rest) yield rest;
}

/**
 * The records csv-parse has ready, an array at a time (what it parsed of a chunk of the upload):
 * one promise per chunk rather than one per record, as `for await` over the parser would make.
 * Rejects with the stream's error (a file too large, not UTF-8).
 */
export async function* recordBatches(parser: Parser): AsyncGenerator<string[][]> {
  for (;;) {
    if (parser.errored) throw parser.errored;
    const batch: string[][] = [];
    let record: string[] | null;
    while ((record = parser.read() as string[] | null) !== null) batch.push(record);
    if (batch.length > 0) {
      yield batch;
      continue;
    }
    if (parser.readableEnded || parser.destroyed) {
      if (parser.errored) throw parser.errored;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const settle = (error?: Error) => {
        parser.off('readable', more);
        parser.off('end', more);
        parser.off('close', more);
        parser.off('error', settle);
        if (error) reject(error);
        else resolve();
      };
      const more = () => settle();
      parser.on('readable', more);
      parser.on('end', more);
      parser.on('close', more);
      parser.on('error', settle);
    });
  }
}
