import { Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { PlanInput, PlanUpdateInput } from '@shared/schemas';
import { planInput, planUpdateInput } from '@shared/schemas';
import type { OrgSummary, PlanDetail } from '@shared/types';
import { IconPlus } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { useNetworks } from '../../api/networks';
import { OrgPicker } from '../../components/OrgPicker';
import { useI18n } from '../../i18n/context';
import { zodFieldErrors } from '../../lib/formErrors';
import { focusFirstError } from '../../lib/notify';
import { useSchoolYear } from '../../state/schoolYearContext';
import { PlanItemFields } from './PlanItemFields';
import { itemValues, type PlanValues, planValues, sortItems, toPlanInput, toPlanUpdateInput } from './planFormValues';

type SetErrors = (e: Record<string, string>) => void;
type Props =
  | {
      plan: PlanDetail;
      init?: undefined;
      saving: boolean;
      onSubmit: (input: PlanUpdateInput, setErrors: SetErrors) => void;
      onCancel: () => void;
    }
  | {
      plan?: undefined;
      init: { networkId?: string; orgId?: string; org?: OrgSummary | null };
      saving: boolean;
      onSubmit: (input: PlanInput, setErrors: SetErrors) => void;
      onCancel: () => void;
    };

/** Create/edit form of a plan with its planned meetings, validated with the shared `planInput` / `planUpdateInput`. */
export function PlanForm(props: Props) {
  const { plan, saving, onCancel } = props;
  const { t, lang } = useI18n();
  const { years, selected } = useSchoolYear();
  const form = useForm<PlanValues>({ initialValues: planValues(plan, { ...props.init, schoolYearId: selected?.id ?? null }) });
  const v = form.values;
  const year = years.find((y) => y.id === v.schoolYearId);
  const networks = useNetworks({ schoolYearId: v.schoolYearId }, !plan && Boolean(v.schoolYearId));
  const itemLabels = (n: number) =>
    Object.fromEntries(
      Array.from({ length: n }, (_, i) =>
        (
          [
            ['kind', 'plan.item.kind'],
            ['content', 'plan.item.content'],
            ['proposedDate', 'plan.item.date'],
            ['proposedTime', 'plan.item.time'],
            ['grade', 'plan.item.grade'],
            ['plannedCount', 'plan.item.plannedCount'],
          ] as const
        ).map(([f, key]) => [`items.${i}.${f}`, `${t(key)} (${t('plan.item.number', { n: i + 1 }).toLowerCase()})`]),
      ).flat(),
    );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const values = { ...form.values, items: sortItems(form.values.items) };
    form.setValues(values);
    const labels = {
      title: t('planForm.title'),
      networkId: t('planForm.network'),
      orgId: t('planForm.org'),
      ...itemLabels(values.items.length),
    };
    const errors = plan
      ? zodFieldErrors(planUpdateInput, toPlanUpdateInput(values), t, lang, labels)
      : zodFieldErrors(planInput, toPlanInput(values), t, lang, labels);
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) return focusFirstError();
    if (props.plan) props.onSubmit(toPlanUpdateInput(values), form.setErrors);
    else props.onSubmit(toPlanInput(values), form.setErrors);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
          <Stack>
            {!plan && (
              <>
                <div>
                  <Text fw={600} mb={4} size="sm">
                    {t('planForm.ownerKind')}
                  </Text>
                  <SegmentedControl
                    fullWidth
                    data={[
                      { value: 'network', label: t('planForm.network') },
                      { value: 'org', label: t('planForm.org') },
                    ]}
                    {...form.getInputProps('ownerKind')}
                  />
                </div>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select
                    label={t('planForm.schoolYear')}
                    withAsterisk
                    data={years.map((y) => ({ value: y.id, label: y.code }))}
                    allowDeselect={false}
                    {...form.getInputProps('schoolYearId')}
                  />
                  {v.ownerKind === 'network' ? (
                    <Select
                      label={t('planForm.network')}
                      withAsterisk
                      searchable
                      data={(networks.data ?? []).map((n) => ({ value: n.id, label: n.name }))}
                      data-testid="plan-network"
                      {...form.getInputProps('networkId')}
                    />
                  ) : (
                    <OrgPicker
                      label={t('planForm.org')}
                      withAsterisk
                      placeholder={t('common.searchToFind')}
                      date={year?.startDate}
                      initial={v.org}
                      value={v.orgId}
                      onChange={(id, org) => {
                        form.setFieldValue('orgId', id);
                        form.setFieldValue('org', org);
                      }}
                      error={form.errors.orgId}
                      data-testid="plan-org"
                    />
                  )}
                </SimpleGrid>
              </>
            )}
            <div>
              <Text fw={600} mb={4} size="sm">
                {t('planForm.period')}
              </Text>
              <SegmentedControl
                fullWidth
                data={[
                  { value: '1', label: t('planForm.term1') },
                  { value: '2', label: t('planForm.term2') },
                  { value: '0', label: t('planForm.wholeYear') },
                ]}
                {...form.getInputProps('termNumber')}
              />
            </div>
            <TextInput
              label={t('planForm.title')}
              withAsterisk
              placeholder={t('planForm.titlePlaceholder')}
              data-testid="plan-title"
              {...form.getInputProps('title')}
            />
            <Textarea label={t('plan.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
          </Stack>
        </Paper>
        <Group justify="space-between" align="flex-end">
          <Stack gap={0}>
            <Text fw={700}>
              {t('planForm.items')} ({v.items.length})
            </Text>
            <Text size="sm" c="dimmed">
              {t('planForm.sortHint')}
            </Text>
          </Stack>
        </Group>
        {form.errors.items && (
          <Text c="red" size="sm" role="alert">
            {form.errors.items}
          </Text>
        )}
        {v.items.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('planForm.noItems')}
          </Text>
        )}
        {v.items.map((item, index) => (
          <PlanItemFields key={item.key} form={form} index={index} />
        ))}
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={() => form.insertListItem('items', itemValues(undefined, v.items.at(-1)?.hostOrg ?? null))}
          data-testid="plan-item-add"
          style={{ alignSelf: 'flex-start' }}
        >
          {t('planForm.addItem')}
        </Button>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="plan-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
