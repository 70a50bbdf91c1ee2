import { Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** Shown as the card title on phones. */
  primary?: boolean;
  /** Left out of the phone cards. */
  hideOnPhone?: boolean;
}

interface Props<T> {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  caption?: string;
  testId?: string;
}

/** A table on wide screens that turns into a list of cards on phones (< 48em). */
export function DataTable<T>({ columns, rows, rowKey, caption, testId }: Props<T>) {
  const phone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  if (phone) {
    const primary = columns.find((c) => c.primary) ?? columns[0];
    const rest = columns.filter((c) => c !== primary && !c.hideOnPhone);
    return (
      <Stack gap="xs" data-testid={testId} aria-label={caption}>
        {rows.map((row) => (
          <Card key={rowKey(row)} withBorder padding="sm" data-row-key={rowKey(row)}>
            {primary && <div style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>{primary.render(row)}</div>}
            {rest.map((c) => (
              <Group key={c.key} gap={6} wrap="nowrap" align="flex-start" mt={4}>
                <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
                  {c.header}:
                </Text>
                <Text size="sm" component="div" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  {c.render(row)}
                </Text>
              </Group>
            ))}
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid={testId}>
        {caption && <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{caption}</Table.Caption>}
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.key}>{c.header}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)} data-row-key={rowKey(row)}>
              {columns.map((c) => (
                <Table.Td key={c.key}>{c.render(row)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
