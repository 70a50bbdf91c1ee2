/**
 * The part of `date-chinese` used here. The package ships typings, but its `exports` map does not point to them, so
 * TypeScript's bundler resolution cannot find them.
 */
declare module 'date-chinese' {
  /** A Gregorian date as the package returns it. */
  export interface GregorianDate {
    year: number;
    month: number;
    day: number;
  }

  /** The Vietnamese lunisolar calendar (the Chinese rules, reckoned at UTC+7). */
  export class CalendarVietnamese {
    constructor(cycle: number, year: number, month: number, leap: number, day: number);
    constructor();
    fromGregorian(year: number, month: number, day: number): this;
    /** [cycle, year, month, leap, day] */
    get(): [number, number, number, boolean, number];
    toGregorian(gyear: number): GregorianDate;
  }
}
