import { Alert, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import type { AssignmentView } from '@shared/programme';
import { IconInfoCircle } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useCreateAssignmentMeeting, useLinkableMeetings, useLinkMeeting } from '../../api/programme';
import { QueryState } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { formatDate } from '../../lib/dates';
import { notifySuccess, showServerError } from '../../lib/notify';

/** The unit picks the meeting that fulfils the assignment, or creates one prefilled from it. */
export function LinkModal({ assignment, onClose }: { assignment: AssignmentView | null; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const meetings = useLinkableMeetings(assignment?.id ?? null);
  const link = useLinkMeeting();
  const create = useCreateAssignmentMeeting();
  const [picked, setPicked] = useState<string | null>(null);
  if (!assignment) return null;
  const save = () =>
    link.mutate(
      { id: assignment.id, meetingId: picked },
      {
        onSuccess: () => {
          notifySuccess(t('programme.linkDone'));
          onClose();
        },
        onError: (e) => showServerError(e, t),
      },
    );
  const createMeeting = () =>
    create.mutate(assignment.id, {
      onSuccess: (r) => {
        notifySuccess(t('programme.createMeetingDone'));
        onClose();
        navigate({ to: '/meetings/$meetingId/edit', params: { meetingId: r.meetingId } });
      },
      onError: (e) => showServerError(e, t),
    });
  return (
    <Modal opened onClose={onClose} title={t('programme.linkTitle')} size="lg">
      <Stack>
        <Text fw={600}>
          {assignment.unitName} · {assignment.subjectName}
          {assignment.grade ? ` ${assignment.grade}` : ''}
        </Text>
        <QueryState query={meetings}>
          {(rows) =>
            rows.length === 0 ? (
              <Text c="dimmed">{t('programme.linkNone')}</Text>
            ) : (
              <Radio.Group label={t('programme.linkPick')} value={picked} onChange={setPicked}>
                <Stack gap="xs" mt="xs">
                  {rows.map((m) => (
                    <Radio
                      key={m.id}
                      value={m.id}
                      label={`${formatDate(m.startsAt)} · ${m.title} (${m.hostName})`}
                      data-testid="assignment-meeting-option"
                    />
                  ))}
                </Stack>
              </Radio.Group>
            )
          }
        </QueryState>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!picked} loading={link.isPending} onClick={save} data-testid="assignment-link-save">
            {t('programme.linkSave')}
          </Button>
        </Group>
        <Alert icon={<IconInfoCircle size={18} />} color="blue" variant="light">
          <Stack gap="xs">
            <Text size="sm">{t('programme.createMeetingHint')}</Text>
            <Group>
              <Button variant="light" loading={create.isPending} onClick={createMeeting} data-testid="assignment-create-meeting">
                {t('programme.createMeeting')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      </Stack>
    </Modal>
  );
}
