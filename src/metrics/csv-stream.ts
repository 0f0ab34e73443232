import { parse, Parser } from 'csv-parse';
import { pipeline, Readable } from 'node:stream';
import { ImportEncodingError, ImportTooLargeError } from './metrics.errors';

/** What a malformed record's report carries: where it was and why. */
export type OnMalformed = (afterRecords: number, error: { code?: string; message: string }) => void;

/**
 * A CSV upload as records, streamed, a batch at a time (the records of one chunk of the
 * upload): bytes are counted against the limit (413 past it), checked to be UTF-8 (a UTF-8 byte
 * order mark is dropped; UTF-16 and invalid sequences are refused), and never more than a chunk
 * or two sits in memory, so a 100 MB file never does. Records are arrays of fields, one per row a
 * spreadsheet shows (a blank line is `['']`), so the caller counts lines as a spreadsheet does; a
 * record that cannot be read is reported through `onMalformed` with the number of records before
 * it, and the rest carry on. Rejects with the stream's error (a file too large, not UTF-8).
 *
 * Lines without a quote are split on commas here (QuoteFreeLines), which is what csv-parse makes
 * of them at several times the speed; from the first line with a quote, a stray carriage return
 * or a change of line ending on, csv-parse reads the rest of the file.
 */
export async function* csvRecordBatches(
  source: Readable,
  limit: number,
  onMalformed: OnMalformed,
): AsyncGenerator<string[][]> {
  const text = utf8Text(source, limit);
  const lines = new QuoteFreeLines();
  let rest: string | null = null;
  try {
    for (;;) {
      const next = await text.next();
      if (next.done) {
        rest = lines.end();
        if (lines.records.length > 0) yield lines.take();
        if (rest === null) return;
        break;
      }
      rest = lines.read(next.value);
      if (lines.records.length > 0) yield lines.take();
      if (rest !== null) break;
    }
    const offset = lines.count;
    const parser = csvParser(lines.terminator, (afterRecords, error) =>
      onMalformed(offset + afterRecords, error),
    );
    const remaining = async function* () {
      if (rest) yield rest;
      for (;;) {
        const next = await text.next();
        if (next.done) return;
        yield next.value;
      }
    };
    pipeline(Readable.from(remaining()), parser, () => undefined);
    try {
      yield* recordBatches(parser);
    } finally {
      parser.destroy();
    }
  } finally {
    // ends the upload's stream (csv-parse's side may still be waiting on it: not awaited)
    void text.return(undefined).catch(() => undefined);
  }
}

function csvParser(terminator: string | undefined, onMalformed: OnMalformed): Parser {
  const parser = parse({
    // blank lines come through as one empty field, so every record's line is counted
    skip_empty_lines: false,
    relax_column_count: true,
    skip_records_with_error: true,
    // a stray quote inside a field is kept as text (the field then fails its own check)
    relax_quotes: true,
    // the line ending csv-parse would have found at the top of the file, had it read it all
    ...(terminator ? { record_delimiter: terminator } : {}),
  });
  // csv-parse reads ahead of the caller: a skip says after how many records it came
  parser.on('skip', (error: Error & { code?: string }) => onMalformed(parser.info.records, error));
  return parser;
}

/**
 * The lines of a file up to its first line with a quote, a carriage return other than that of a
 * CRLF line ending, or a line ending other than the first line's, split on commas: with none of
 * these, a CSV line is its fields separated by commas, as csv-parse would read it. `read` answers
 * null while that holds, or the text from the first line that breaks it (to hand to csv-parse,
 * with every line after it).
 */
export class QuoteFreeLines {
  /** Records read and not yet taken. */
  records: string[][] = [];
  /** Records read in all. */
  count = 0;
  /** The first line's ending: every line must end the same way. */
  terminator: '\n' | '\r\n' | undefined;
  private carry = '';

  read(chunk: string): string | null {
    const text = this.carry + chunk;
    this.carry = '';
    const quoted = text.includes('"');
    const returns = text.includes('\r');
    let start = 0;
    for (;;) {
      const end = text.indexOf('\n', start);
      if (end === -1) break;
      let stop = end;
      if (returns && text.charCodeAt(end - 1) === 13 && end > start) stop = end - 1;
      const crlf = stop !== end;
      const line = text.slice(start, stop);
      if ((quoted && line.includes('"')) || (returns && line.includes('\r')))
        return text.slice(start);
      if (this.terminator === undefined) this.terminator = crlf ? '\r\n' : '\n';
      else if (crlf !== (this.terminator === '\r\n')) return text.slice(start);
      this.records.push(line.split(','));
      start = end + 1;
    }
    this.carry = text.slice(start);
    return null;
  }

  /** The file's last line (one without a line ending), or the text to hand to csv-parse. */
  end(): string | null {
    const last = this.carry;
    this.carry = '';
    if (last === '') return null;
    if (last.includes('"') || last.includes('\r')) return last;
    this.records.push(last.split(','));
    return null;
  }

  take(): string[][] {
    const taken = this.records;
    this.records = [];
    this.count += taken.length;
    return taken;
  }
}

async function* utf8Text(
  source: AsyncIterable<Buffer | string>,
  limit: number,
): AsyncGenerator<string, void, undefined> {
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
 */
async function* recordBatches(parser: Parser): AsyncGenerator<string[][]> {
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
