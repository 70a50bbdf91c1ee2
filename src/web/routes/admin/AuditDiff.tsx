import { Code, Table, Text } from '@mantine/core';
import { useT } from '../../i18n/context';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** The fields that changed between `before` and `after` of one audit row. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const t = useT();
  const a = isRecord(before) ? before : {};
  const b = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  if (!isRecord(before) && !isRecord(after) && (before !== null || after !== null)) {
    return <Code block>{JSON.stringify({ before, after }, null, 2)}</Code>;
  }
  if (keys.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('audit.noChanges')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={340}>
      <Table withTableBorder fz="xs" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.field')}</Table.Th>
            <Table.Th>{t('audit.before')}</Table.Th>
            <Table.Th>{t('audit.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((k) => (
            <Table.Tr key={k}>
              <Table.Td fw={600}>{k}</Table.Td>
              <Table.Td bg="var(--mantine-color-red-0)" style={{ overflowWrap: 'anywhere' }}>
                {show(a[k])}
              </Table.Td>
              <Table.Td bg="var(--mantine-color-green-0)" style={{ overflowWrap: 'anywhere' }}>
                {show(b[k])}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
