import { Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled block of the dashboard with a help line and actions (the XLSX button) on the right. */
export function DashSection({
  title,
  help,
  actions,
  children,
  testId,
}: {
  title: string;
  help?: string;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" data-testid={testId}>
      <Group justify="space-between" align="flex-start" gap="xs" mb={help ? 4 : 'sm'}>
        <Title order={3} fz="h4" style={{ flex: '1 1 14rem' }}>
          {title}
        </Title>
        {actions}
      </Group>
      {help && (
        <Text size="sm" c="dimmed" mb="sm">
          {help}
        </Text>
      )}
      {children}
    </Paper>
  );
}
