import fc from 'fast-check';

/** Strings that have broken parsers before: empty, blanks, control characters, scripts, SQL, paths, emoji, RTL, huge. */
const nastyString = fc.oneof(
  fc.constantFrom(
    '',
    '   ',
    '\u0000',
    '\t\n\r',
    '<script>alert(1)</script>',
    "' or 1=1 --",
    '../../etc/passwd',
    'null',
    'undefined',
    'NaN',
    '-1',
    '1e309',
    '2025-02-30',
    '2025-13-01',
    '31/12/2025',
    'not-a-uuid',
    '00000000-0000-0000-0000-000000000000',
    'Nguyễn Thị Ánh 🎓 ‮abc',
    '\ud800',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(5_000, 120_000).map((n) => 'ă'.repeat(n)),
);

const nastyNumber = fc.oneof(
  fc.constantFrom(-1, 0, -0, 1.5, -999_999_999, 2 ** 31, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, 1e308),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value with junk in it, a few levels deep. */
export const junkValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    nastyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      nastyString.filter((k) => k.length < 50),
      tie('value'),
      { maxKeys: 4 },
    ),
  ),
})).value;

/** Keys that try prototype pollution. */
const pollution = fc.constantFrom(
  '{"__proto__":{"isAdmin":true,"polluted":1}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  '{"__proto__":null,"toString":"x","valueOf":1,"hasOwnProperty":"y"}',
);

/** Replaces the value at one key of a valid body (when there is one) by junk: wrong type, huge, negative, bad date. */
function corrupt(valid: Record<string, unknown>) {
  const keys = Object.keys(valid);
  if (keys.length === 0) return fc.dictionary(nastyString, junkValue, { minKeys: 1, maxKeys: 3 });
  return fc.tuple(fc.constantFrom(...keys), junkValue, fc.boolean()).map(([k, v, drop]) => {
    const copy: Record<string, unknown> = { ...valid };
    if (drop) delete copy[k];
    else copy[k] = v;
    return copy;
  });
}

/** A request body as raw text (already JSON or deliberately not JSON). */
export function junkBody(valid: unknown): fc.Arbitrary<string> {
  const base = valid && typeof valid === 'object' && !Array.isArray(valid) ? (valid as Record<string, unknown>) : {};
  return fc.oneof(
    junkValue.map((v) => JSON.stringify(v) ?? 'null'),
    corrupt(base).map((v) => JSON.stringify(v)),
    pollution,
    fc.constantFrom('{', '{"a":', '[1,2', 'khong phai json', '{"a":1}{"b":2}', ''),
  );
}

/** A path parameter that is not a usable id. */
export const junkParam: fc.Arbitrary<string> = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      'abc',
      '-1',
      '0',
      'null',
      '..%2F..%2Fetc%2Fpasswd',
      '%00',
      "'%20or%201%3D1",
      '00000000-0000-0000-0000-00000000000g',
    ),
    weight: 3,
  },
  { arbitrary: fc.uuid(), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map((s) => encodeURIComponent(s)), weight: 3 },
  // Over the router's 100-character limit for a parameter.
  { arbitrary: fc.constant('x'.repeat(300)), weight: 1 },
);
