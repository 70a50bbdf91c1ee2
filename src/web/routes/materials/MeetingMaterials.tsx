import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { MeetingDetail } from '@shared/meetings';
import { IconBooks, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useMaterials } from '../../api/materials';
import { AnchorLink } from '../../components/links';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';

// The two forms load when opened: their tag fields bring zod and the materials schemas, which the meeting page's
// first load does not need (decision 0016).
const PublishModal = lazy(() => import('./PublishModal').then((m) => ({ default: m.PublishModal })));
const UploadModal = lazy(() => import('./UploadModal').then((m) => ({ default: m.UploadModal })));

/**
 * On a meeting's page: the library's materials linked to the meeting, "Đưa vào thư viện học liệu" for its attachments
 * (for those who manage the meeting's files; the API also lets an attachment's uploader), and an upload for the meeting.
 */
export function MeetingMaterials({ m }: { m: MeetingDetail }) {
  const t = useT();
  const qc = useQueryClient();
  const list = useMaterials({ meetingId: m.id });
  const [publishing, setPublishing] = useState(false);
  const [uploading, setUploading] = useState(false);
  const rows = list.data ?? [];
  return (
    <Section title={t('materials.ofMeeting')} testId="meeting-materials">
      <Stack gap={6}>
        {rows.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('materials.ofMeetingNone')}
          </Text>
        )}
        {rows.map((x) => (
          <Stack key={x.id} gap={2} data-testid="meeting-material">
            <AnchorLink to="/materials/$materialId" params={{ materialId: x.id }} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {x.title}
            </AnchorLink>
            <Group gap={6}>
              <Badge variant="light">{t(`materials.kind.${x.materialKind}`)}</Badge>
              <Text size="xs" c="dimmed">
                {t(`materials.visibility.${x.visibility}`)}
                {x.uploadedByName ? ` · ${x.uploadedByName}` : ''}
              </Text>
            </Group>
          </Stack>
        ))}
        <Group gap="xs" wrap="wrap">
          {m.can.upload && m.attachments.length > 0 && (
            <Button variant="light" leftSection={<IconBooks size={16} />} onClick={() => setPublishing(true)} data-testid="publish-open">
              {t('materials.publish')}
            </Button>
          )}
          <Button variant="default" leftSection={<IconUpload size={16} />} onClick={() => setUploading(true)}>
            {t('materials.uploadForMeeting')}
          </Button>
        </Group>
      </Stack>
      <Suspense fallback={null}>
        {publishing && <PublishModal attachments={m.attachments} onClose={() => setPublishing(false)} />}
        {uploading && (
          <UploadModal
            opened
            onClose={() => setUploading(false)}
            meetingId={m.id}
            onUploaded={() => qc.invalidateQueries({ queryKey: ['materials', 'list'] })}
          />
        )}
      </Suspense>
    </Section>
  );
}
