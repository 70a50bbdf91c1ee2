import { Button, Group, Modal, Stack, Text, Textarea, Timeline } from '@mantine/core';
import type { ReportDetail } from '@shared/reports';
import { useEffect, useState } from 'react';
import { useReportStep } from '../../api/reports';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/dates';
import { notifySuccess, showServerError } from '../../lib/notify';

/** The reviewer returns a report (comment required) or accepts it (comment optional). */
export function ReviewModal({
  report,
  action,
  onClose,
}: {
  report: ReportDetail;
  action: 'return' | 'accept' | null;
  onClose: () => void;
}) {
  const t = useT();
  const step = useReportStep(report.id);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (action) {
      setComment('');
      setError(null);
    }
  }, [action]);
  const send = () => {
    const text = comment.trim();
    if (action === 'return' && !text) {
      setError(t('reports.commentRequired'));
      return;
    }
    step.mutate(action === 'return' ? { action: 'return', comment: text } : { action: 'accept', comment: text }, {
      onSuccess: () => {
        notifySuccess(t(action === 'return' ? 'reports.returnDone' : 'reports.acceptDone'));
        onClose();
      },
      onError: (e) => showServerError(e, t, (f) => setError(f.comment ?? null)),
    });
  };
  return (
    <Modal opened={action !== null} onClose={onClose} title={t(action === 'return' ? 'reports.return' : 'reports.accept')}>
      <Stack>
        <Textarea
          label={t(action === 'return' ? 'reports.returnComment' : 'reports.acceptComment')}
          withAsterisk={action === 'return'}
          autosize
          minRows={3}
          value={comment}
          onChange={(e) => {
            setComment(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          data-autofocus
          data-testid="report-review-comment"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={action === 'return' ? 'orange' : 'green'}
            loading={step.isPending}
            onClick={send}
            data-testid="report-review-confirm"
          >
            {t(action === 'return' ? 'reports.return' : 'reports.accept')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Who submitted, returned (with what comment), resubmitted and accepted the report, and when. */
export function ReportHistory({ report }: { report: ReportDetail }) {
  const t = useT();
  if (report.history.length === 0) return null;
  return (
    <Section title={t('reports.history')} testId="report-history">
      <Timeline bulletSize={14} lineWidth={2}>
        {report.history.map((h) => (
          <Timeline.Item key={h.id} title={t(`reports.action.${h.action}`)}>
            <Text size="sm" c="dimmed">
              {h.actorName ?? '—'} · {formatDateTime(h.at)}
            </Text>
            {h.comment && <Text size="sm">“{h.comment}”</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </Section>
  );
}
