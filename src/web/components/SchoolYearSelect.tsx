import { Select } from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import { useT } from '../i18n/context';
import { useSchoolYear } from '../state/schoolYearContext';

/** The global school-year selector (its choice is remembered on this device). */
export function SchoolYearSelect({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const { years, selected, select } = useSchoolYear();
  return (
    <Select
      data-testid="school-year-select"
      aria-label={t('schoolYear.label')}
      label={compact ? undefined : t('schoolYear.label')}
      placeholder={years.length ? t('schoolYear.placeholder') : t('schoolYear.none')}
      data={years.map((y) => ({ value: y.id, label: y.code }))}
      value={selected?.id ?? null}
      onChange={(id) => id && select(id)}
      allowDeselect={false}
      leftSection={compact ? undefined : <IconCalendar size={16} aria-hidden="true" />}
      w={compact ? 124 : undefined}
      size="sm"
      comboboxProps={{ withinPortal: true }}
    />
  );
}
