import { NativeSelect } from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import { useT } from '../i18n/context';
import { useSchoolYear } from '../state/schoolYearContext';

/**
 * The global school-year selector (its choice is remembered on this device). A native select: on a phone it opens
 * the system's own picker, and the header carries no dropdown code (Combobox, floating-ui) into every page's first load.
 */
export function SchoolYearSelect({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const { years, selected, select } = useSchoolYear();
  const placeholder = years.length ? t('schoolYear.placeholder') : t('schoolYear.none');
  return (
    <NativeSelect
      data-testid="school-year-select"
      aria-label={t('schoolYear.label')}
      label={compact ? undefined : t('schoolYear.label')}
      data={[
        ...(selected ? [] : [{ value: '', label: placeholder, disabled: true }]),
        ...years.map((y) => ({ value: y.id, label: y.code })),
      ]}
      value={selected?.id ?? ''}
      onChange={(e) => e.currentTarget.value && select(e.currentTarget.value)}
      leftSection={compact ? undefined : <IconCalendar size={16} aria-hidden="true" />}
      w={compact ? 124 : undefined}
      size="sm"
    />
  );
}
