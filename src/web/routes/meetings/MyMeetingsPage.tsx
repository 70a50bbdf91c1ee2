import { Button, Stack, Text } from '@mantine/core';
import { useMyMeetingPages } from '../../api/meetings';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageState';
import { Section } from '../../components/Section';
import { type MessageKey, useT } from '../../i18n/context';
import { CopyIcalButton } from './CopyIcalButton';
import { MeetingDayList } from './MeetingList';
import { vnToday } from './meetingFormat';

/**
 * "Lịch của tôi": meetings I am invited to, chair, write the minutes of or present at. Upcoming ones soonest first,
 * then past ones latest first, each list twenty at a time with a button for the next twenty.
 */
export default function MyMeetingsPage() {
  const t = useT();
  const today = vnToday();
  return (
    <>
      <PageHeader title={t('meetings.mine')} subtitle={t('meetings.mineHint')} actions={<CopyIcalButton />} />
      <Stack gap="lg">
        <Section title={t('meetings.upcoming')} testId="mine-upcoming">
          <PagedList period="upcoming" date={today} empty="meetings.noneUpcoming" more="meetings.moreUpcoming" />
        </Section>
        <Section title={t('meetings.past')} testId="mine-past">
          <PagedList period="past" date={today} empty="meetings.nonePast" more="meetings.morePast" />
        </Section>
      </Stack>
    </>
  );
}

function PagedList({ period, date, empty, more }: { period: 'upcoming' | 'past'; date: string; empty: MessageKey; more: MessageKey }) {
  const t = useT();
  const q = useMyMeetingPages(period, date);
  return (
    <QueryState query={q}>
      {(data) => (
        <Stack gap="sm">
          <MeetingDayList meetings={data.pages.flatMap((p) => p.meetings)} empty={t(empty)} />
          {q.isFetchNextPageError && (
            <Text c="red.8" size="sm" role="alert">
              {t('meetings.moreFailed')}
            </Text>
          )}
          {q.hasNextPage && (
            <Button
              variant="light"
              mih={44}
              loading={q.isFetchingNextPage}
              onClick={() => void q.fetchNextPage()}
              data-testid={`mine-${period}-more`}
            >
              {t(more)}
            </Button>
          )}
        </Stack>
      )}
    </QueryState>
  );
}
