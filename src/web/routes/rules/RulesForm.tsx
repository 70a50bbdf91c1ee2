import { ActionIcon, Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { QUOTA_PERIODS, QUOTA_TARGETS, type RuleSetInput, type RulesView, ruleSetInput } from '@shared/rules';
import { IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useSaveRules } from '../../api/rules';
import { DateField } from '../../components/DateField';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n/context';
import { zodFieldErrors } from '../../lib/formErrors';
import { focusFirstError, notifySuccess, showServerError } from '../../lib/notify';
import { BreaksEditor } from './BreaksEditor';

type Values = RuleSetInput;

/** The form's values from the rules shown (own, inherited or defaults). */
function toValues(v: RulesView): Values {
  const r = v.rules;
  return {
    preset: null, // a form edit is no longer the preset as published
    quotas: r.quotas.map((q) => ({ ...q })),
    teamIntervalDays: r.teamIntervalDays,
    planDueDate: r.planDueDate,
    preparationDaysBefore: r.preparationDaysBefore,
    term1ReportDue: r.term1ReportDue,
    yearReportDue: r.yearReportDue,
    dossierDaysBefore: r.dossierDaysBefore,
    breaks: r.breaks.map((b) => ({ ...b })),
  };
}

const num = (v: string | number) => (v === '' ? null : Number(v));

/** Quotas, deadlines and breaks of an office for a school year; read-only without `can.edit`. */
export function RulesForm({ view }: { view: RulesView }) {
  const { t, lang } = useI18n();
  const [values, setValues] = useState<Values>(() => toValues(view));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSaveRules(view.org.id, view.schoolYear.id);
  const ro = !view.can.edit;
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));
  const setQuota = (i: number, patch: Partial<Values['quotas'][number]>) =>
    set({ quotas: values.quotas.map((q, j) => (j === i ? { ...q, ...patch } : q)) });
  const minDate = view.schoolYear.startDate;
  const maxDate = view.schoolYear.endDate;

  const submit = () => {
    const found = zodFieldErrors(ruleSetInput, values, t, lang);
    setErrors(found);
    if (Object.keys(found).length) return focusFirstError();
    save.mutate(values, {
      onSuccess: (data) => {
        notifySuccess(t('rules.saved'));
        setValues(toValues(data));
      },
      onError: (e) => showServerError(e, t, setErrors),
    });
  };

  const dateField = (key: 'planDueDate' | 'term1ReportDue' | 'yearReportDue') => (
    <DateField
      size="md"
      label={t(`rules.${key}`)}
      value={values[key]}
      onChange={(v) => set({ [key]: v })}
      error={errors[key]}
      disabled={ro}
      minDate={minDate}
      maxDate={maxDate}
      data-testid={`rules-${key}`}
    />
  );
  const daysField = (key: 'preparationDaysBefore' | 'dossierDaysBefore') => (
    <NumberInput
      size="md"
      label={t(`rules.${key}`)}
      value={values[key] ?? ''}
      onChange={(v) => set({ [key]: num(v) })}
      min={0}
      max={365}
      allowDecimal={false}
      error={errors[key]}
      disabled={ro}
      data-testid={`rules-${key}`}
    />
  );

  return (
    <Stack gap="md">
      <Section title={t('rules.quotas')} testId="rules-quotas">
        <Text size="sm" c="dimmed" mb="sm">
          {t('rules.quotasHelp')} {t('rules.quotaPerSubjectHelp')}
        </Text>
        <Stack gap="sm">
          {values.quotas.length === 0 && <Text size="sm">{t('rules.quotaNone')}</Text>}
          {values.quotas.map((q, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved
            <Group key={i} gap="xs" align="flex-end" wrap="wrap" data-testid={`rules-quota-${i}`}>
              <Select
                size="md"
                label={t('rules.quotaTarget')}
                data={QUOTA_TARGETS.map((v) => ({ value: v, label: t(`rules.target.${v}`) }))}
                value={q.target}
                onChange={(v) => v && setQuota(i, { target: v as typeof q.target })}
                error={errors[`quotas.${i}.target`]}
                disabled={ro}
                allowDeselect={false}
                style={{ flex: '2 1 12rem' }}
              />
              <Select
                size="md"
                label={t('rules.quotaPer')}
                data={QUOTA_PERIODS.map((v) => ({ value: v, label: t(`rules.per.${v}`) }))}
                value={q.per}
                onChange={(v) => v && setQuota(i, { per: v as typeof q.per })}
                disabled={ro}
                allowDeselect={false}
                style={{ flex: '1 1 9rem' }}
              />
              <NumberInput
                size="md"
                label={t('rules.quotaMin')}
                value={q.minCount}
                onChange={(v) => setQuota(i, { minCount: Number(v) })}
                min={0}
                max={100}
                allowDecimal={false}
                error={errors[`quotas.${i}.minCount`]}
                disabled={ro}
                style={{ flex: '1 1 7rem' }}
              />
              <Checkbox
                size="md"
                label={t('rules.quotaPerSubject')}
                checked={q.perSubject ?? false}
                onChange={(e) => setQuota(i, { perSubject: e.currentTarget.checked })}
                disabled={ro}
                data-testid={`rules-quota-perSubject-${i}`}
                style={{ flex: '1 1 10rem', alignSelf: 'center' }}
              />
              {!ro && (
                <ActionIcon
                  size={42}
                  variant="subtle"
                  color="red"
                  aria-label={t('rules.quotaRemove')}
                  onClick={() => set({ quotas: values.quotas.filter((_, j) => j !== i) })}
                >
                  <IconTrash size={18} />
                </ActionIcon>
              )}
            </Group>
          ))}
          {!ro && (
            <Button
              variant="light"
              leftSection={<IconPlus size={16} />}
              onClick={() => set({ quotas: [...values.quotas, { target: 'school_group', per: 'term', minCount: 2, perSubject: true }] })}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('rules.quotaAdd')}
            </Button>
          )}
          <NumberInput
            size="md"
            label={t('rules.teamInterval')}
            description={t('rules.teamIntervalHelp')}
            value={values.teamIntervalDays}
            onChange={(v) => set({ teamIntervalDays: Number(v) })}
            min={1}
            max={366}
            allowDecimal={false}
            error={errors.teamIntervalDays}
            disabled={ro}
            maw={520}
            data-testid="rules-teamIntervalDays"
          />
        </Stack>
      </Section>
      <Section title={t('rules.deadlines')} testId="rules-deadlines">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          {dateField('planDueDate')}
          {dateField('term1ReportDue')}
          {dateField('yearReportDue')}
          {daysField('preparationDaysBefore')}
          {daysField('dossierDaysBefore')}
        </SimpleGrid>
      </Section>
      <BreaksEditor
        breaks={values.breaks}
        onChange={(breaks) => set({ breaks })}
        errors={errors}
        readOnly={ro}
        minDate={minDate}
        maxDate={maxDate}
      />
      {!ro && (
        <Group>
          <Button size="md" leftSection={<IconDeviceFloppy size={18} />} onClick={submit} loading={save.isPending} data-testid="rules-save">
            {t('rules.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
