import { ActionIcon, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import type { UseFormReturnType } from '@mantine/form';
import { MEETING_KINDS, MEETING_MODES } from '@shared/enums';
import { IconClock, IconTrash } from '@tabler/icons-react';
import { useSubjects } from '../../api/reference';
import { DateField } from '../../components/DateField';
import { OrgPicker } from '../../components/OrgPicker';
import { PersonPicker } from '../../components/PersonPicker';
import { useT } from '../../i18n/context';
import type { PlanValues } from './planFormValues';

const GRADES = Array.from({ length: 12 }, (_, i) => String(i + 1));

/** The fields of one planned meeting (a bordered row; its fields wrap into one column on phones). */
export function PlanItemFields({ form, index, date }: { form: UseFormReturnType<PlanValues>; index: number; date?: string }) {
  const t = useT();
  const subjects = useSubjects();
  const item = form.values.items[index];
  const path = (f: string) => `items.${index}.${f}`;
  const props = (f: string) => form.getInputProps(path(f));
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} data-testid={`plan-item-${index + 1}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700}>{t('plan.item.number', { n: index + 1 })}</Text>
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={t('planForm.removeItem', { n: index + 1 })}
            onClick={() => form.removeListItem('items', index)}
            data-testid={`plan-item-remove-${index + 1}`}
          >
            <IconTrash size={18} />
          </ActionIcon>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <Select
            label={t('plan.item.kind')}
            withAsterisk
            searchable
            data={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetingKind.${k}`) }))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid={`plan-item-kind-${index + 1}`}
            {...props('kind')}
          />
          <DateField label={t('plan.item.date')} {...props('proposedDate')} data-testid={`plan-item-date-${index + 1}`} />
          <TimeInput
            size="md"
            label={t('plan.item.time')}
            leftSection={<IconClock size={16} aria-hidden="true" />}
            {...props('proposedTime')}
          />
          <Select
            label={t('plan.item.mode')}
            data={MEETING_MODES.map((m) => ({ value: m, label: t(`meetingMode.${m}`) }))}
            allowDeselect={false}
            {...props('mode')}
          />
        </SimpleGrid>
        <Textarea
          label={t('plan.item.content')}
          withAsterisk
          autosize
          minRows={2}
          data-testid={`plan-item-content-${index + 1}`}
          {...props('content')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <MultiSelect
            label={t('plan.item.subjects')}
            searchable
            data={(subjects.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            comboboxProps={{ withinPortal: true }}
            {...props('subjectIds')}
          />
          <Select label={t('plan.item.grade')} clearable data={GRADES} {...props('grade')} />
          <NumberInput size="md" label={t('plan.item.plannedCount')} min={1} max={100000} allowDecimal={false} {...props('plannedCount')} />
          <TextInput label={t('plan.item.place')} {...props('place')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <OrgPicker
            label={t('plan.item.host')}
            placeholder={t('common.searchToFind')}
            date={date}
            initial={item.hostOrg}
            value={item.hostOrgId}
            onChange={(id, org) => {
              form.setFieldValue(path('hostOrgId'), id);
              form.setFieldValue(path('hostOrg'), org);
            }}
            error={form.errors[path('hostOrgId')]}
          />
          <PersonPicker
            label={t('plan.item.presenterPerson')}
            placeholder={t('common.searchToFind')}
            initial={item.presenterPerson}
            value={item.presenterPersonId}
            onChange={(id, person) => {
              form.setFieldValue(path('presenterPersonId'), id);
              form.setFieldValue(path('presenterPerson'), person);
            }}
            error={form.errors[path('presenterPersonId')]}
          />
          <OrgPicker
            label={t('plan.item.presenterOrg')}
            placeholder={t('common.searchToFind')}
            date={date}
            initial={item.presenterOrg}
            value={item.presenterOrgId}
            onChange={(id, org) => {
              form.setFieldValue(path('presenterOrgId'), id);
              form.setFieldValue(path('presenterOrg'), org);
            }}
            error={form.errors[path('presenterOrgId')]}
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
