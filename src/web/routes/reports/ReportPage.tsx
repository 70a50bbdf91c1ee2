import { Alert, Button, Stack } from '@mantine/core';
import type { ReportDetail } from '@shared/reports';
import { IconArrowBackUp, IconCheck, IconDownload, IconMessage } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { apiUrl } from '../../api/client';
import { useReport } from '../../api/reports';
import { InfoList } from '../../components/InfoList';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageState';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/dates';
import { ReportStatusBadge, reportOwner, reportPeriod } from './ReportBadges';
import { ReportNarrative } from './ReportNarrative';
import { ReportResults } from './ReportResults';
import { ReportHistory, ReviewModal } from './ReportReview';

function ReportView({ report: r }: { report: ReportDetail }) {
  const t = useT();
  const [review, setReview] = useState<'return' | 'accept' | null>(null);
  const lastReturn = [...r.history].reverse().find((h) => h.action === 'return');
  const owner = r.network ? (
    <AnchorLink to="/networks/$networkId" params={{ networkId: r.network.id }}>
      {r.network.name}
    </AnchorLink>
  ) : r.org ? (
    <AnchorLink to="/orgs/$orgId" params={{ orgId: r.org.id }}>
      {r.org.name}
    </AnchorLink>
  ) : null;
  return (
    <>
      <PageHeader
        above={<ReportStatusBadge status={r.status} />}
        title={t('reports.reportOf', { name: reportOwner(r) })}
        subtitle={reportPeriod(r, t)}
        actions={
          <>
            <Button
              component="a"
              href={apiUrl(`/reports/${r.id}/document.docx`)}
              variant="default"
              leftSection={<IconDownload size={16} />}
            >
              {t('reports.docx')}
            </Button>
            <Button component="a" href={apiUrl(`/reports/${r.id}/tables.xlsx`)} variant="default">
              XLSX
            </Button>
            {r.can.review && (
              <Button
                color="orange"
                variant="light"
                leftSection={<IconArrowBackUp size={16} />}
                onClick={() => setReview('return')}
                data-testid="report-return"
              >
                {t('reports.return')}
              </Button>
            )}
            {r.can.review && (
              <Button color="green" leftSection={<IconCheck size={16} />} onClick={() => setReview('accept')} data-testid="report-accept">
                {t('reports.accept')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        {r.status === 'returned' && lastReturn?.comment && (
          <Alert color="orange" icon={<IconMessage size={18} />} title={t('reports.returnedWith', { name: lastReturn.actorName ?? '' })}>
            {lastReturn.comment}
          </Alert>
        )}
        <Section title={t('reports.info')}>
          <InfoList
            items={[
              { label: t('reports.owner'), value: owner },
              { label: t('reports.period'), value: reportPeriod(r, t) },
              { label: t('reports.reviewer'), value: r.reviewerOrg.name },
              { label: t('reports.number'), value: r.documentNumber ?? '—' },
              { label: t('reports.submittedAt'), value: formatDateTime(r.submittedAt) || null },
              { label: t('reports.decidedAt'), value: formatDateTime(r.decidedAt) || null },
            ]}
          />
        </Section>
        <ReportNarrative key={`${r.id}-${r.updatedAt}`} report={r} />
        <ReportResults results={r.results} live={r.live} />
        <ReportHistory report={r} />
      </Stack>
      <ReviewModal report={r} action={review} onClose={() => setReview(null)} />
    </>
  );
}

/** A report's page: narrative (editable while draft or returned), computed results, review actions and history. */
export default function ReportPage() {
  const { reportId } = useParams({ from: '/app/reports/$reportId' });
  const report = useReport(reportId);
  return <QueryState query={report}>{(data) => <ReportView report={data} />}</QueryState>;
}
