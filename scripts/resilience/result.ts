/** The outcome of one resilience scenario: PASS/FAIL and the figures behind it. */
export interface Result {
  name: string;
  pass: boolean;
  lines: string[];
}
