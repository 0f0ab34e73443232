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
