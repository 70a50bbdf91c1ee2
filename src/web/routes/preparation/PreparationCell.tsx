import { Button, Modal, Stack, Text, Textarea } from '@mantine/core';
import type { AssignmentView } from '@shared/programme';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { usePreparation, useSubmitPreparation } from '../../api/preparation';
import { useT } from '../../i18n/context';
import { formatDate } from '../../lib/dates';
import { notifySuccess, showServerError } from '../../lib/notify';

/**
 * The "Hạn gửi kế hoạch" cell of a province-level assignment: the due date by the Sở's rules, whether the unit has sent
 * its plan and preparation report, and for the unit's managers a button to record that it was sent.
 */
export function PreparationCell({ assignment, fallback }: { assignment: AssignmentView; fallback: string }) {
  const t = useT();
  const linked = Boolean(assignment.meeting);
  const prep = usePreparation(assignment.id, linked);
  const submit = useSubmitPreparation();
  const [open, setOpen] = useState(false);
  const [notes, setNotes] = useState('');
  const v = prep.data;
  if (!linked || !v?.dueDate) return <>{fallback}</>;
  const due = formatDate(v.dueDate);
  const save = () =>
    submit.mutate(
      { assignmentId: assignment.id, notes },
      {
        onSuccess: () => {
          notifySuccess(t('preparation.done'));
          setOpen(false);
        },
        onError: (e) => showServerError(e, t),
      },
    );
  return (
    <Stack gap={4} align="flex-start" data-testid="preparation-cell">
      <Text size="sm">{due}</Text>
      <Text size="sm" fw={600} c={v.submitted ? 'green.8' : 'orange.8'} data-testid="preparation-status">
        {v.submitted ? t('preparation.sent', { date: formatDate(v.submitted.at) }) : t('preparation.notSent')}
      </Text>
      {v.can.submit && (
        <Button size="xs" variant="light" leftSection={<IconSend size={14} />} onClick={() => setOpen(true)} data-testid="preparation-open">
          {t('preparation.submit')}
        </Button>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title={t('preparation.title')}>
        <Stack>
          <Text size="sm">{t('preparation.hint', { date: due })}</Text>
          <Textarea
            label={t('preparation.notes')}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            maxLength={2000}
            autosize
            minRows={2}
            size="md"
            data-testid="preparation-notes"
          />
          <Button loading={submit.isPending} onClick={save} data-testid="preparation-save">
            {t('preparation.save')}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}
