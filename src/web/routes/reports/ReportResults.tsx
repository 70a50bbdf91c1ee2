import { Alert, List, Stack, Table, Text, Title } from '@mantine/core';
import type { ReportResults as Results } from '@shared/reports';
import { IconCalculator } from '@tabler/icons-react';
import { AnchorLink } from '../../components/links';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { formatDate } from '../../lib/dates';

function Heading({ children }: { children: string }) {
  return (
    <Title order={4} fz="md" mt="sm">
      {children}
    </Title>
  );
}

/** Part II of Mẫu 3: computed from meetings, plan tracking and attendance; nobody types these numbers. */
export function ReportResults({ results: r, live }: { results: Results; live: boolean }) {
  const t = useT();
  const subjects = [...new Set([...r.participantsBySubject.map((s) => s.subject), ...r.nonParticipantsBySubject.map((s) => s.subject)])];
  return (
    <Section title={t('reports.results')} testId="report-results">
      <Stack gap="xs">
        <Alert variant="light" color={live ? 'blue' : 'gray'} icon={<IconCalculator size={18} />} p="xs">
          {t(live ? 'reports.liveNote' : 'reports.snapshotNote')}
        </Alert>
        <Heading>{t('reports.lessons', { n: r.meetingsHeld })}</Heading>
        {r.lessonsBySubject.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('reports.noMeetings')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={360}>
            <Table withTableBorder withColumnBorders data-testid="report-lessons">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reports.subject')}</Table.Th>
                  <Table.Th ta="center">{t('reports.count')}</Table.Th>
                  <Table.Th>{t('reports.contents')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.lessonsBySubject.map((l) => (
                  <Table.Tr key={l.subject}>
                    <Table.Td>{l.subject}</Table.Td>
                    <Table.Td ta="center">{l.count}</Table.Td>
                    <Table.Td>
                      <List size="sm" spacing={2}>
                        {l.contents.map((c) => (
                          <List.Item key={c}>{c}</List.Item>
                        ))}
                      </List>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Heading>{t('reports.notCarriedOut', { n: r.notCarriedOut.length })}</Heading>
        {r.notCarriedOut.length > 0 && (
          <List size="sm" data-testid="report-not-carried-out">
            {r.notCarriedOut.map((n) => (
              <List.Item key={`${n.unit}-${n.content}-${n.date}`}>
                {n.unit ? `${n.unit}: ` : ''}
                {n.content}
                {n.date ? ` (${formatDate(n.date)})` : ''} — {t('reports.reason')}: {n.reason || '—'}
              </List.Item>
            ))}
          </List>
        )}
        <Heading>{t('reports.participants', { n: r.participants, absent: r.nonParticipants })}</Heading>
        {subjects.length > 0 && (
          <Table.ScrollContainer minWidth={360}>
            <Table withTableBorder withColumnBorders data-testid="report-participants">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reports.subject')}</Table.Th>
                  <Table.Th ta="center">{t('reports.tookPart')}</Table.Th>
                  <Table.Th>{t('reports.didNot')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {subjects.map((s) => {
                  const absent = r.nonParticipantsBySubject.find((a) => a.subject === s);
                  return (
                    <Table.Tr key={s}>
                      <Table.Td>{s}</Table.Td>
                      <Table.Td ta="center">{r.participantsBySubject.find((p) => p.subject === s)?.count ?? 0}</Table.Td>
                      <Table.Td>
                        {absent ? (
                          <List size="sm" spacing={2}>
                            {absent.people.map((p) => (
                              <List.Item key={`${p.name}-${p.unit}`}>
                                {p.name}
                                {p.unit ? ` (${p.unit})` : ''}: {p.reason || '—'}
                              </List.Item>
                            ))}
                          </List>
                        ) : (
                          '0'
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {subjects.length > 0 && (
          <Text size="xs" c="dimmed" data-testid="report-participants-note">
            {t('reports.countNote')}
          </Text>
        )}
        {r.meetings.length > 0 && (
          <>
            <Heading>{t('reports.meetingsCounted')}</Heading>
            <List size="sm">
              {r.meetings.map((m) => (
                <List.Item key={m.id}>
                  <AnchorLink to="/meetings/$meetingId" params={{ meetingId: m.id }}>
                    {m.title}
                  </AnchorLink>{' '}
                  — {formatDate(m.date)}, {m.host}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Section>
  );
}
