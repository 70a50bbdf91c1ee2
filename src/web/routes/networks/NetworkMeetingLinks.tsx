import { ActionIcon, Anchor, Group, Stack, Text } from '@mantine/core';
import { IconPencil, IconVideo } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useMeetingLinks } from '../../api/meetingLinks';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';

const MeetingLinksEditor = lazy(() => import('./MeetingLinksEditor').then((x) => ({ default: x.MeetingLinksEditor })));

/**
 * The network's online meeting links (general, per subject, per bridge point), typed once and reused by its meetings'
 * venues and the bridge-point rule; its leaders edit them.
 */
export function NetworkMeetingLinks({ networkId }: { networkId: string }) {
  const t = useT();
  const q = useMeetingLinks(networkId);
  const [editing, setEditing] = useState(false);
  if (!q.data) return null;
  const { links, can } = q.data;
  if (links.length === 0 && !can.edit) return null;
  return (
    <Section title={t('meetings.meetingLinks')} testId="network-meeting-links">
      <Stack gap={6}>
        {links.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('meetings.noMeetingLinks')}
          </Text>
        )}
        {links.map((l) => (
          <Stack key={l.id} gap={0} data-testid="network-meeting-link">
            <Text size="sm" fw={600}>
              {[l.org?.name, l.subject?.name].filter(Boolean).join(' · ') || t('meetings.linkGeneral')}
            </Text>
            <Anchor href={l.url} target="_blank" rel="noopener noreferrer" size="sm" style={{ overflowWrap: 'anywhere' }}>
              <IconVideo size={14} /> {l.url}
            </Anchor>
          </Stack>
        ))}
        {can.edit && (
          <Group>
            <ActionIcon
              variant="light"
              size="lg"
              aria-label={t('common.edit')}
              onClick={() => setEditing(true)}
              data-testid="meeting-links-edit"
            >
              <IconPencil size={16} />
            </ActionIcon>
          </Group>
        )}
      </Stack>
      {editing && (
        <Suspense fallback={null}>
          <MeetingLinksEditor networkId={networkId} data={q.data} onClose={() => setEditing(false)} />
        </Suspense>
      )}
    </Section>
  );
}
