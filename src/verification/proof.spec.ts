import { findProof, proofCodeFrom } from './proof';
import { ProofMethod } from './verification-request.entity';

const ME = 'https://staffvoices.example.nhs.uk/people/42';
const CODE = 'staffvoices-ABCD2345';

describe('proof of ownership', () => {
  it('makes codes of the documented shape', () => {
    expect(proofCodeFrom(Buffer.alloc(8, 7))).toMatch(/^staffvoices-[A-Z2-9]{8}$/);
  });

  it.each([
    ['the code in the bio', `<p class="bio">Nurse. ${CODE}</p>`, ProofMethod.BIO_CODE],
    ['a rel="me" link back', `<a href="${ME}" rel="me nofollow">SV</a>`, ProofMethod.REL_ME],
    ['rel=me unquoted, href second', `<a rel=me href='${ME}/'>SV</a>`, ProofMethod.REL_ME],
    ['a link element', `<link rel="me" href="${ME}">`, ProofMethod.REL_ME],
    ['a link without rel="me"', `<a href="${ME}">SV</a>`, null],
    ['rel="me" to someone else', `<a rel="me" href="${ME}3">SV</a>`, null],
    ['rel="me" on another host', `<a rel="me" href="https://evil.example/people/42">x</a>`, null],
    ['another code', '<p>staffvoices-ZZZZZZZZ</p>', null],
  ])('%s', (_, html, expected) => {
    expect(findProof(html, CODE, ME)).toBe(expected);
  });
});
