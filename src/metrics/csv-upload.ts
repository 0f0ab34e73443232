import busboy from 'busboy';
import type { Request } from 'express';
import { Readable } from 'node:stream';
import { InvalidInputError } from '../common/errors/domain-error';
import { ImportEncodingError, ImportTooLargeError, MetricsErrorReason } from './metrics.errors';

/**
 * The CSV of an import request, as a stream: the body itself (`Content-Type: text/csv`) or the
 * `file` field of `multipart/form-data` (busboy). A declared Content-Length over the limit is
 * refused before anything is read; the streamed bytes are counted again by the CSV reader.
 */
export async function csvUpload(req: Request, limit: number): Promise<Readable> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit + 64 * 1024)
    throw new ImportTooLargeError(limit);
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  const charset = /charset\s*=\s*"?([^";\s]+)/.exec(type)?.[1];
  if (charset && !/^utf-?8$/.test(charset)) {
    throw new ImportEncodingError(`declared as ${charset}`);
  }
  if (type.startsWith('text/csv') || type.startsWith('application/csv')) return req;
  if (type.startsWith('multipart/form-data')) return multipartFile(req, limit);
  throw new InvalidInputError(
    MetricsErrorReason.IMPORT_NO_FILE,
    'Send the CSV as the body with Content-Type: text/csv, or as the "file" field of multipart/form-data',
    'file',
  );
}

function multipartFile(req: Request, limit: number): Promise<Readable> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: limit + 1 } });
    } catch {
      reject(
        new InvalidInputError(
          MetricsErrorReason.IMPORT_NO_FILE,
          'The multipart body cannot be read',
          'file',
        ),
      );
      return;
    }
    let found = false;
    parser.on('file', (name, stream) => {
      if (name !== 'file' || found) {
        stream.resume();
        return;
      }
      found = true;
      resolve(stream);
    });
    parser.on('error', (error) => {
      if (!found) {
        reject(
          new InvalidInputError(
            MetricsErrorReason.IMPORT_NO_FILE,
            `The multipart body cannot be read (${(error as Error).message})`,
            'file',
          ),
        );
      }
    });
    parser.on('close', () => {
      if (!found) {
        reject(
          new InvalidInputError(
            MetricsErrorReason.IMPORT_NO_FILE,
            'The multipart body has no "file" field',
            'file',
          ),
        );
      }
    });
    req.pipe(parser);
  });
}
