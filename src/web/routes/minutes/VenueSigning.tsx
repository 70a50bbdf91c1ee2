import { Alert, Badge, Button, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import type { MinutesView } from '@shared/minutes';
import { IconChevronRight, IconDeviceMobile } from '@tabler/icons-react';
import { useState } from 'react';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import type { useMinutesAction } from './api';
import { VenueSignModal } from './VenueSignModal';

type Participant = MinutesView['participants'][number];

/**
 * "Ký tại chỗ" (decision 0028): on the secretary's or chair's phone, the people who still have to sign, by name and
 * school; a tap hands the device to that person, who signs with their own PIN or password. The chair comes last.
 */
export function VenueSigning({
  view,
  action,
  onClose,
}: {
  view: MinutesView;
  action: ReturnType<typeof useMinutesAction>;
  onClose: () => void;
}) {
  const t = useT();
  const [signer, setSigner] = useState<Participant | null>(null);
  const remaining = view.participants.filter((p) => !p.signedAt);
  const othersLeft = remaining.filter((p) => p.role !== 'chair').length;
  return (
    <Section title={t('venue.title', { n: remaining.length })} testId="venue-signing">
      <Stack gap="sm">
        <Alert color="blue" icon={<IconDeviceMobile size={20} />}>
          {t('venue.hint')}
        </Alert>
        {remaining.map((p) => {
          const waiting = p.role === 'chair' && othersLeft > 0;
          return (
            <Paper key={p.personId} withBorder radius="md" opacity={waiting ? 0.6 : 1}>
              <UnstyledButton
                w="100%"
                p="md"
                disabled={waiting}
                onClick={() => setSigner(p)}
                aria-label={p.fullName}
                data-testid="venue-signer"
              >
                <Group justify="space-between" wrap="nowrap">
                  <div style={{ minWidth: 0 }}>
                    <Text fw={600} truncate>
                      {p.fullName}
                    </Text>
                    <Text size="sm" c="dimmed" truncate>
                      {p.unitName ?? ''}
                    </Text>
                    {waiting && (
                      <Text size="xs" c="orange">
                        {t('minutes.chairLast', { n: othersLeft })}
                      </Text>
                    )}
                  </div>
                  <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                    <Badge variant="light" color={p.role === 'participant' ? 'gray' : 'blue'}>
                      {t(`minutes.${p.role}`)}
                    </Badge>
                    <IconChevronRight size={18} />
                  </Group>
                </Group>
              </UnstyledButton>
            </Paper>
          );
        })}
        <Button variant="subtle" onClick={onClose}>
          {t('venue.close')}
        </Button>
      </Stack>
      <VenueSignModal signer={signer} action={action} onClose={() => setSigner(null)} />
    </Section>
  );
}
