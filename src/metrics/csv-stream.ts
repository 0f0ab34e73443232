import { parse, Parser } from 'csv-parse';
import { pipeline, Readable } from 'node:stream';
import { ImportEncodingError, ImportTooLargeError } from './metrics.errors';

/**
 * A CSV upload as records, streamed: bytes are counted against the limit (413 past it), checked
 * to be UTF-8 (a UTF-8 byte order mark is dropped; UTF-16 and invalid sequences are refused),
 * and parsed by csv-parse a chunk at a time, so a 100 MB file never sits in memory. Records come
 * as arrays of fields with `info.lines`, the line a spreadsheet shows; a record csv-parse
 * cannot read (a stray quote) is reported through `onMalformed` and the rest carry on.
 */
export function csvRecords(
  source: Readable,
  limit: number,
  onMalformed: (line: number, error: { code?: string; message: string }) => void,
): Parser {
  // the line after the last good record: where a record csv-parse gives up on starts
  let lastLine = 1;
  const parser = parse({
    on_record: (record, context) => {
      lastLine = context.lines;
      return record;
    },
    skip_empty_lines: true,
    relax_column_count: true,
    skip_records_with_error: true,
    // a stray quote inside a field is kept as text (the field then fails its own check)
    relax_quotes: true,
    info: true,
  });
  parser.on('skip', (error: Error & { code?: string; lines?: number }) => {
    const line = lastLine + 1;
    lastLine = error.lines ?? line;
    onMalformed(line, error);
  });
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
