import { Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled, bordered block of a detail page. */
export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" data-testid={testId}>
      <Title order={3} fz="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
