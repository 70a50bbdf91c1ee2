import { Stack } from '@mantine/core';
import { useMyMeetings } from '../../api/meetings';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageState';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { CopyIcalButton } from './CopyIcalButton';
import { MeetingDayList } from './MeetingList';
import { vnDay, vnToday } from './meetingFormat';

/** "Lịch của tôi": meetings I am invited to, chair, write the minutes of or present at; upcoming first. */
export default function MyMeetingsPage() {
  const t = useT();
  const q = useMyMeetings();
  const today = vnToday();
  return (
    <>
      <PageHeader title={t('meetings.mine')} subtitle={t('meetings.mineHint')} actions={<CopyIcalButton />} />
      <QueryState query={q}>
        {(list) => (
          <Stack gap="lg">
            <Section title={t('meetings.upcoming')} testId="mine-upcoming">
              <MeetingDayList meetings={list.filter((m) => vnDay(m.endsAt) >= today)} empty={t('meetings.noneUpcoming')} />
            </Section>
            <Section title={t('meetings.past')} testId="mine-past">
              <MeetingDayList meetings={list.filter((m) => vnDay(m.endsAt) < today).reverse()} />
            </Section>
          </Stack>
        )}
      </QueryState>
    </>
  );
}
