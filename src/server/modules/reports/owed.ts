import { OFFICE_TYPES } from '../../../shared/enums';
import type { EffectiveRules } from '../rules/effective';

/**
 * Who owes a report in an org's roll-up (issue 16, point 2): the rules say so, not whether a unit happens to have
 * started one. The roll-up of an org lists the networks it supervises and its child orgs, and the org's effective
 * rules for the school year (its own rule set, else the nearest ancestor's: rules/effective.ts) are the rules of all
 * of them. For a period those rules ask a report when they set its deadline: term I "Hạn báo cáo học kỳ I", the
 * year "Hạn báo cáo năm học" (the rules have no term-II deadline: the year report covers it). Then
 * - every network the org supervises owes its Mẫu 3 report;
 * - every office below it (a commune, a district office) owes one: its report carries its units' numbers up;
 * - a school, a centre or a team owes none: the rules ask nothing of them (a report they write shows with its
 *   status, but is never counted as owed or missing).
 * With no deadline for the period nobody owes, and every row reads "Không phải nộp".
 */

/** The deadline the rules set for a period's report (term 1, the year), or null when they ask none. */
export function reportDueOn(rules: Pick<EffectiveRules, 'term1ReportDue' | 'yearReportDue'>, termNumber: 1 | 2 | null): string | null {
  if (termNumber === 1) return rules.term1ReportDue;
  if (termNumber === null) return rules.yearReportDue;
  return null;
}

/** True when a unit of a roll-up owes a report for the period under the roll-up org's effective rules. */
export function owesReport(
  unit: { kind: 'network' | 'org'; unitType: string },
  rules: Pick<EffectiveRules, 'term1ReportDue' | 'yearReportDue'>,
  termNumber: 1 | 2 | null,
): boolean {
  if (!reportDueOn(rules, termNumber)) return false;
  return unit.kind === 'network' || OFFICE_TYPES.includes(unit.unitType as never);
}
