import { Text, Timeline } from '@mantine/core';
import type { ReportDetail } from '@shared/reports';
import { useReportStep } from '../../api/reports';
import { ReviewCommentModal } from '../../components/ReviewCommentModal';
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
  const returning = action === 'return';
  return (
    <ReviewCommentModal
      opened={action !== null}
      returning={returning}
      title={t(returning ? 'reports.return' : 'reports.accept')}
      label={t(returning ? 'reports.returnComment' : 'reports.acceptComment')}
      confirmLabel={t(returning ? 'reports.return' : 'reports.accept')}
      requiredMessage={t('reports.commentRequired')}
      pending={step.isPending}
      testIdPrefix="report-review"
      onClose={onClose}
      onConfirm={(text, fail) =>
        step.mutate(returning ? { action: 'return', comment: text } : { action: 'accept', comment: text }, {
          onSuccess: () => {
            notifySuccess(t(returning ? 'reports.returnDone' : 'reports.acceptDone'));
            onClose();
          },
          onError: (e) => showServerError(e, t, (f) => fail(f.comment ?? null)),
        })
      }
    />
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
