import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { BREAK_KINDS, type RuleBreakInput } from '@shared/rules';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { DateField } from '../../components/DateField';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';

/** The list of holidays and exam weeks of a rule set (no meetings are proposed then). */
export function BreaksEditor({
  breaks,
  onChange,
  errors,
  readOnly,
  minDate,
  maxDate,
}: {
  breaks: RuleBreakInput[];
  onChange: (breaks: RuleBreakInput[]) => void;
  errors: Record<string, string>;
  readOnly: boolean;
  minDate: string;
  maxDate: string;
}) {
  const t = useT();
  const setAt = (i: number, patch: Partial<RuleBreakInput>) => onChange(breaks.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  return (
    <Section title={t('rules.breaks')} testId="rules-breaks">
      <Stack gap="sm">
        {breaks.length === 0 && <Text size="sm">{t('rules.breakNone')}</Text>}
        {breaks.map((b, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved
          <Group key={i} gap="xs" align="flex-end" wrap="wrap" data-testid={`rules-break-${i}`}>
            <TextInput
              size="md"
              label={t('rules.breakLabel')}
              value={b.label}
              onChange={(e) => setAt(i, { label: e.currentTarget.value })}
              error={errors[`breaks.${i}.label`]}
              disabled={readOnly}
              style={{ flex: '2 1 14rem' }}
            />
            <Select
              size="md"
              label={t('rules.breakKind')}
              data={BREAK_KINDS.map((k) => ({ value: k, label: t(`rules.kind.${k}`) }))}
              value={b.kind}
              onChange={(v) => v && setAt(i, { kind: v as RuleBreakInput['kind'] })}
              disabled={readOnly}
              allowDeselect={false}
              style={{ flex: '1 1 9rem' }}
            />
            <DateField
              size="md"
              label={t('rules.breakStart')}
              value={b.startDate}
              onChange={(v) => setAt(i, { startDate: v ?? '' })}
              error={errors[`breaks.${i}.startDate`]}
              disabled={readOnly}
              minDate={minDate}
              maxDate={maxDate}
              style={{ flex: '1 1 9rem' }}
            />
            <DateField
              size="md"
              label={t('rules.breakEnd')}
              value={b.endDate}
              onChange={(v) => setAt(i, { endDate: v ?? '' })}
              error={errors[`breaks.${i}.endDate`]}
              disabled={readOnly}
              minDate={minDate}
              maxDate={maxDate}
              style={{ flex: '1 1 9rem' }}
            />
            {!readOnly && (
              <ActionIcon
                size={42}
                variant="subtle"
                color="red"
                aria-label={t('rules.breakRemove')}
                onClick={() => onChange(breaks.filter((_, j) => j !== i))}
              >
                <IconTrash size={18} />
              </ActionIcon>
            )}
          </Group>
        ))}
        {!readOnly && (
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() => onChange([...breaks, { startDate: '', endDate: '', label: '', kind: 'holiday' }])}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('rules.breakAdd')}
          </Button>
        )}
      </Stack>
    </Section>
  );
}
