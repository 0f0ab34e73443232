/**
 * A SCIM protocol error (RFC 7644 §3.12): answered as
 * `{ schemas: [Error], status, scimType?, detail }` with that HTTP status.
 */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?:
      | 'invalidFilter'
      | 'tooMany'
      | 'uniqueness'
      | 'mutability'
      | 'invalidSyntax'
      | 'invalidPath'
      | 'noTarget'
      | 'invalidValue'
      | 'invalidVers'
      | 'sensitive',
  ) {
    super(detail);
    this.name = 'ScimError';
  }
}

export const invalidValue = (detail: string) => new ScimError(400, detail, 'invalidValue');
export const notFound = (id: string) => new ScimError(404, `No user with id "${id}"`);
