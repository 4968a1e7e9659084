import { describe, expect, it } from 'vitest';
import { isValidUpn, makeUpn, upnCheckLetter } from '../../../../shared/domain/students/upn';

// Worked by hand from the rule in upn.ts (weights 2..13 on characters 2-13, sum mod 23,
// letters A-Z without I, O and S), for the body 801200005001:
//   8×2 + 0×3 + 1×4 + 2×5 + 0×6 + 0×7 + 0×8 + 0×9 + 5×10 + 0×11 + 0×12 + 1×13
//   = 16 + 4 + 10 + 50 + 13 = 93;  93 mod 23 = 1  →  the second letter, B.
// B801200005001 is also the valid example python-stdnum gives for English UPNs.
const validUpn = 'B801200005001';

describe('UPN check letter', () => {
  it('computes the check letter of a known UPN', () => {
    // Prepare
    const body = '801200005001';

    // Act
    const letter = upnCheckLetter(body);

    // Assess
    expect(letter).toBe('B');
    expect(makeUpn(body)).toBe(validUpn);
  });

  it('uses the 23 letters without I, O and S, from A for remainder 0 to Z for 22', () => {
    // Prepare: one non-zero digit each, so the sum is digit × weight.
    const bodies = {
      A: '000000000000', // 0
      J: '400000000000', // 4 × 2 = 8: the ninth letter once I is skipped
      P: '000000000001', // 1 × 13 = 13: O skipped
      T: '800000000000', // 8 × 2 = 16: S skipped
      Z: '000000000200', // 2 × 11 = 22
      B: '000000000020', // 2 × 12 = 24 → 24 mod 23 = 1
    };

    // Act
    const letters = Object.fromEntries(Object.entries(bodies).map(([expected, body]) => [expected, upnCheckLetter(body)]));

    // Assess
    expect(letters).toEqual({ A: 'A', J: 'J', P: 'P', T: 'T', Z: 'Z', B: 'B' });
  });

  it('accepts a UPN whose letter matches', () => {
    // Prepare
    const upn = validUpn;

    // Act
    const valid = isValidUpn(upn);

    // Assess
    expect(valid).toBe(true);
  });

  it('rejects the same UPN with one digit changed', () => {
    // Prepare: 801200005001 → 801200005002 adds 13 to the sum: 106 mod 23 = 14, so Q, not B.
    const upn = 'B801200005002';

    // Act
    const valid = isValidUpn(upn);

    // Assess
    expect(valid).toBe(false);
    expect(isValidUpn('Q801200005002')).toBe(true);
  });

  it('rejects a wrong letter, a lower-case letter and the wrong shape', () => {
    // Prepare
    const candidates = ['A801200005001', 'b801200005001', '801200005001', 'B80120000500', 'B8012000050011', 'B80120000A001'];

    // Act
    const results = candidates.map(isValidUpn);

    // Assess
    expect(results).toEqual([false, false, false, false, false, false]);
  });

  it('refuses to compute a letter for a body that is not 12 digits', () => {
    // Prepare
    const body = '80120000500A';

    // Act
    const compute = () => upnCheckLetter(body);

    // Assess
    expect(compute).toThrow('A UPN body is 12 digits');
  });
});
