import { assertIntegersBound } from './sqlite-parameter-binding';

describe('the SQLite integer-binding self-check', () => {
  it('passes a driver that binds whole numbers as INTEGER parameters', () => {
    const patched = {
      escapeQueryWithParameters: () => ['SELECT ? AS id', [BigInt(7)]] as [string, unknown[]],
    };
    expect(() => assertIntegersBound(patched)).not.toThrow();
  });

  it('refuses to start when the patch no longer applies (numbers written as literals)', () => {
    const unpatched = {
      escapeQueryWithParameters: () => ['SELECT 7 AS id', []] as [string, unknown[]],
    };
    expect(() => assertIntegersBound(unpatched)).toThrow(/no longer applies/);
  });
});
