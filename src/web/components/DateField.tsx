import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useT } from '../i18n/context';
import { DATE_FORMAT, parseUserDate } from '../lib/dates';

type Props = Omit<DateInputProps, 'value' | 'onChange'> & {
  value?: string | null;
  onChange?: (value: string | null) => void;
};

/** A date input shown as DD/MM/YYYY (Vietnamese calendar), valued as YYYY-MM-DD. */
export function DateField({ value, onChange, ...rest }: Props) {
  const t = useT();
  return (
    <DateInput
      valueFormat={DATE_FORMAT}
      dateParser={parseUserDate}
      placeholder={t('common.datePlaceholder')}
      leftSection={<IconCalendar size={16} aria-hidden="true" />}
      clearable
      value={value || null}
      onChange={(v) => onChange?.(v ? v.slice(0, 10) : null)}
      popoverProps={{ withinPortal: true }}
      {...rest}
    />
  );
}
