import { OFFICE_TYPES } from '../../../shared/enums';
import type { RuleBreakInput, RulePresetName, RuleSetInput, RulesView } from '../../../shared/rules';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { todayIso } from '../../lib/dates';
import { AppError, type FieldError, notFound } from '../../lib/errors';
import * as orgsRepo from '../orgs/repo';
import { effectiveRules } from './effective';
import { authorize, canWriteRules } from './policy';
import { presetInput, RULE_PRESETS } from './presets';
import * as repo from './repo';

type Year = NonNullable<Awaited<ReturnType<typeof repo.schoolYearWithTerms>>>;

async function loadOrgAndYear(db: Executor, orgId: string, schoolYearId: string) {
  const org = await orgsRepo.findById(db, orgId);
  if (!org) throw notFound('đơn vị');
  const year = await repo.schoolYearWithTerms(db, schoolYearId);
  if (!year) throw notFound('năm học');
  return { org, year };
}

/** The rules of an org and a year (own, inherited or defaults), readable by everyone logged in. */
export async function get(db: Executor, actor: Actor, orgId: string, schoolYearId: string): Promise<RulesView> {
  const { org, year } = await loadOrgAndYear(db, orgId, schoolYearId);
  const rules = await effectiveRules(db, orgId, schoolYearId);
  const source = rules.ruleSetId ? await orgsRepo.findById(db, rules.orgId) : undefined;
  const chain = await orgsRepo.ancestorChain(db, orgId, todayIso());
  return {
    org: { id: org.id, name: org.name, type: org.type },
    schoolYear: {
      id: year.id,
      code: year.code,
      startDate: year.startDate,
      endDate: year.endDate,
      terms: year.terms.map((t) => ({ number: t.number, startDate: t.startDate, endDate: t.endDate })),
    },
    rules,
    sourceOrg: source ? { id: source.id, name: source.name } : null,
    presets: RULE_PRESETS,
    can: { edit: OFFICE_TYPES.includes(org.type) && canWriteRules(actor, chain) },
  };
}

/** Every date of the form must fall inside the school year; all problems at once, each naming its field. */
function checkDates(year: Year, v: Pick<RuleSetInput, 'planDueDate' | 'term1ReportDue' | 'yearReportDue' | 'breaks'>): void {
  const out: FieldError[] = [];
  const inYear = (d: string | null | undefined) => !d || (d >= year.startDate && d <= year.endDate);
  const range = `năm học ${year.code} (${vn(year.startDate)} – ${vn(year.endDate)})`;
  const fields = [
    ['planDueDate', 'Hạn nộp kế hoạch'],
    ['term1ReportDue', 'Hạn báo cáo học kỳ I'],
    ['yearReportDue', 'Hạn báo cáo năm học'],
  ] as const;
  for (const [field, label] of fields) if (!inYear(v[field])) out.push({ field, message: `«${label}» phải nằm trong ${range}` });
  v.breaks.forEach((b, i) => {
    if (!inYear(b.startDate))
      out.push({ field: `breaks.${i}.startDate`, message: `Thời gian nghỉ (mục ${i + 1}): ngày bắt đầu phải nằm trong ${range}` });
    if (!inYear(b.endDate))
      out.push({ field: `breaks.${i}.endDate`, message: `Thời gian nghỉ (mục ${i + 1}): ngày kết thúc phải nằm trong ${range}` });
  });
  if (out.length) throw new AppError('VALIDATION', { fields: out });
}

/** 13/09/2024 from 2024-09-13. */
function vn(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

async function authorise(db: Executor, actor: Actor, orgId: string, schoolYearId: string) {
  const { org, year } = await loadOrgAndYear(db, orgId, schoolYearId);
  const chain = await orgsRepo.ancestorChain(db, orgId, todayIso());
  authorize(actor, 'write', { orgChain: chain });
  if (!OFFICE_TYPES.includes(org.type))
    throw new AppError('INVALID_STATE', {
      params: { message: 'Chỉ Sở GD&ĐT, Phòng GD&ĐT hoặc UBND xã/phường đặt quy định sinh hoạt chuyên môn' },
    });
  return { org, year };
}

/** A snapshot of an org's own rule set for the audit log (undefined when it has none). */
async function snapshot(db: Executor, orgId: string, schoolYearId: string) {
  const set = await repo.lockSet(db, orgId, schoolYearId);
  if (!set) return undefined;
  const { quotas, breaks } = await repo.detailsOf(db, [set.id]);
  return { ...set, quotas, breaks };
}

/** Creates or replaces the org's rule set for the year from the form. */
export async function save(db: Executor, actor: Actor, orgId: string, schoolYearId: string, input: RuleSetInput) {
  const { year } = await authorise(db, actor, orgId, schoolYearId);
  checkDates(year, input);
  const before = await snapshot(db, orgId, schoolYearId);
  const set = await repo.writeRuleSet(db, orgId, schoolYearId, input, actor.personId);
  await audit(db, actor, {
    action: before ? 'rules.replace' : 'rules.create',
    entityType: 'rule_set',
    entityId: set.id,
    orgId,
    before,
    after: input,
  });
  return set;
}

/** Creates or replaces the org's rule set for the year from a preset, with the year's default breaks. */
export async function applyPreset(db: Executor, actor: Actor, orgId: string, schoolYearId: string, preset: RulePresetName) {
  const { year } = await authorise(db, actor, orgId, schoolYearId);
  return save(db, actor, orgId, schoolYearId, presetInput(preset, year));
}

/** Replaces the breaks of the org's rule set; without an own rule set, one is made from the rules it inherits. */
export async function setBreaks(db: Executor, actor: Actor, orgId: string, schoolYearId: string, breaks: RuleBreakInput[]) {
  const { year } = await authorise(db, actor, orgId, schoolYearId);
  checkDates(year, { breaks });
  const before = await snapshot(db, orgId, schoolYearId);
  let setId = before?.id;
  if (!setId) {
    const r = await effectiveRules(db, orgId, schoolYearId);
    setId = (await repo.writeRuleSet(db, orgId, schoolYearId, { ...r, preset: null, breaks: [] }, actor.personId)).id;
  }
  await repo.replaceBreaks(db, setId, breaks);
  await repo.touchSet(db, setId, actor.personId);
  await audit(db, actor, {
    action: 'rules.breaks',
    entityType: 'rule_set',
    entityId: setId,
    orgId,
    before: before?.breaks ?? null,
    after: breaks,
  });
  return setId;
}
