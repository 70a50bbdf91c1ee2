import { ActionIcon, Button, Group, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { POSITIONS } from '@shared/enums';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { DateField } from '../../components/DateField';
import { OrgPicker } from '../../components/OrgPicker';
import { useT } from '../../i18n/context';
import { emptyPosition, type PersonValues } from './personFormValues';

/** The person's positions: org, position, from/to dates; rows can be added and removed. */
export function PositionRows({ form }: { form: UseFormReturnType<PersonValues> }) {
  const t = useT();
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <Stack>
        <Text fw={600}>{t('person.memberships')}</Text>
        {typeof form.errors.positions === 'string' && (
          <Text c="red" size="sm">
            {form.errors.positions}
          </Text>
        )}
        {form.values.positions.map((row, i) => (
          <Paper key={row.key} withBorder p="sm" bg="var(--mantine-color-gray-0)">
            <Group justify="space-between" mb="xs">
              <Text size="sm" fw={600}>
                {t('personForm.positionN', { n: i + 1 })}
              </Text>
              {form.values.positions.length > 1 && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size={36}
                  aria-label={t('personForm.removePosition', { n: i + 1 })}
                  onClick={() => form.removeListItem('positions', i)}
                >
                  <IconTrash size={18} />
                </ActionIcon>
              )}
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <OrgPicker
                label={t('people.org')}
                withAsterisk
                placeholder={t('common.searchToFind')}
                initial={row.org}
                value={row.orgId}
                onChange={(id, org) => {
                  form.setFieldValue(`positions.${i}.orgId`, id);
                  form.setFieldValue(`positions.${i}.org`, org);
                }}
                error={form.errors[`positions.${i}.orgId`]}
                size="md"
                data-testid={`position-org-${i}`}
              />
              <Select
                label={t('people.position')}
                withAsterisk
                data={POSITIONS.map((p) => ({ value: p, label: t(`position.${p}`) }))}
                size="md"
                data-testid={`position-role-${i}`}
                {...form.getInputProps(`positions.${i}.position`)}
              />
              <DateField label={t('org.from')} size="md" {...form.getInputProps(`positions.${i}.validFrom`)} />
              <DateField label={t('org.to')} size="md" {...form.getInputProps(`positions.${i}.validTo`)} />
            </SimpleGrid>
          </Paper>
        ))}
        <Group>
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => form.insertListItem('positions', emptyPosition())}>
            {t('personForm.addPosition')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
