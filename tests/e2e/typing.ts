import type { Locator } from 'playwright-core';

/**
 * Counts what people put into the app during a browser walk (issue 15's measure). Every value typed or chosen counts
 * one; a click that accepts what the app already filled in (a confirmation, a button) counts nothing; a signature is a
 * tap, counted apart. Each count is filed under the step it belongs to, so the walk can print the figures by step.
 */
export class Typing {
  private step = '';
  readonly values = new Map<string, number>();
  readonly taps = new Map<string, number>();
  readonly log: string[] = [];

  /** Files the following actions under `name` (plan, review, scheduling, a session's attendance, ...). */
  at(name: string): this {
    this.step = name;
    if (!this.values.has(name)) this.values.set(name, 0);
    if (process.env.TERM_WALK_TRACE) console.log(`${Math.round(performance.now() / 1000)} s: ${name} (${new Date().toISOString()})`);
    return this;
  }

  private count(into: Map<string, number>, what: string) {
    into.set(this.step, (into.get(this.step) ?? 0) + 1);
    this.log.push(`${this.step}: ${what}`);
  }

  /** A value typed into a field: one. */
  async typed(field: Locator, text: string): Promise<void> {
    this.count(this.values, `typed ${text.slice(0, 40)}`);
    await field.fill(text);
  }

  /** A value chosen (a chip, an option of a select opened by `opener`): one. */
  async chosen(option: Locator, opener?: Locator): Promise<void> {
    this.count(this.values, `chose ${(await (opener ?? option).textContent().catch(() => ''))?.slice(0, 40)}`);
    if (opener) await opener.click();
    await option.click();
  }

  /** A click accepting what is on screen (a prefilled value, a button): nothing. */
  async confirm(button: Locator): Promise<void> {
    await button.click();
  }

  /** A signature: one tap, counted apart from the values. */
  async tap(button: Locator): Promise<void> {
    this.count(this.taps, 'signature');
    await button.click();
  }

  total(of: Map<string, number> = this.values): number {
    return [...of.values()].reduce((a, b) => a + b, 0);
  }

  /** The figures by step, one line each, for the console and docs/benchmarks.md. */
  report(): string {
    const lines = [...this.values.entries()].map(([step, n]) => `  ${step}: ${n}`);
    return [`Giá trị nhập hoặc chọn: ${this.total()}`, ...lines, `Chạm ký (riêng): ${this.total(this.taps)}`].join('\n');
  }
}
