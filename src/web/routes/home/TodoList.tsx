import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { TodoDueItem, TodoSignItem, TodoView } from '@shared/homeViews';
import { IconChecklist, IconSignature } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useSignMinutes, useTodo } from '../../api/todo';
import { AnchorLink, CardLink } from '../../components/links';
import { Empty, ErrorState, Loading } from '../../components/PageState';
import { type MessageKey, type TFunction, useT } from '../../i18n/context';
import { formatDate, formatDateTime } from '../../lib/dates';
import { showServerError } from '../../lib/notify';

/** A server link ("/plans?networkId=…") as router props. */
export function routeOf(link: string): { to: never; search: never } {
  const [to, query] = link.split('?');
  return { to: to as never, search: (query ? Object.fromEntries(new URLSearchParams(query)) : {}) as never };
}

function Group_({ title, count, testId, children }: { title: string; count: number; testId: string; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <Stack gap={6} data-testid={testId}>
      <Group gap="xs">
        <Text fw={700} size="sm">
          {title}
        </Text>
        <Badge size="sm" variant="light" circle>
          {count}
        </Badge>
      </Group>
      {children}
    </Stack>
  );
}

/** One minutes item: what, when, as whom, and the one-tap "Ký xác nhận" (the chair waits until the others have signed). */
function SignRow({ item, t, onSigned }: { item: TodoSignItem; t: TFunction; onSigned: (message: string) => void }) {
  const sign = useSignMinutes();
  const wait = item.waitingFor > 0;
  return (
    <Card withBorder padding="sm" data-testid={`todo-minutes-${item.meetingId}`}>
      <Stack gap={6}>
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {item.title}
        </Text>
        <Text size="sm" c="dimmed">
          {t('todo.signRole', {
            role: t(`todo.role.${item.role}`),
            date: formatDateTime(item.startsAt),
            signed: item.signed,
            total: item.total,
          })}
        </Text>
        {wait && (
          <Text size="sm" c="orange.8">
            {t('todo.chairWait', { n: item.waitingFor })}
          </Text>
        )}
        <Group gap="xs">
          <Button
            size="sm"
            leftSection={<IconSignature size={16} />}
            disabled={wait}
            loading={sign.isPending}
            data-testid={`todo-sign-${item.meetingId}`}
            onClick={() =>
              sign.mutate(item.meetingId, {
                onSuccess: (view) => onSigned(view.status === 'locked' ? t('todo.signedLocked') : t('todo.signed')),
                onError: (error) => showServerError(error, t),
              })
            }
          >
            {t('todo.sign')}
          </Button>
          <AnchorLink {...routeOf(item.link)} size="sm">
            {t('todo.view')}
          </AnchorLink>
        </Group>
      </Stack>
    </Card>
  );
}

function LinkRow({ link, title, detail, testId, tone }: { link: string; title: string; detail: string; testId: string; tone?: string }) {
  return (
    <CardLink {...routeOf(link)} data-testid={testId} style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}>
      <Stack gap={2}>
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Text>
        <Text size="sm" c={tone ?? 'dimmed'}>
          {detail}
        </Text>
      </Stack>
    </CardLink>
  );
}

function dueDetail(item: TodoDueItem, t: TFunction): string {
  const when = item.overdue ? t('todo.overdue', { date: formatDate(item.due) }) : t('todo.due', { date: formatDate(item.due) });
  return `${item.ownerName} · ${when} · ${t(`todo.status.${item.status}`)}`;
}

function TodoGroups({ data, t, onSigned }: { data: TodoView; t: TFunction; onSigned: (message: string) => void }) {
  const reviews = (kind: 'plansToReview' | 'reportsToReview') =>
    data[kind].map((r) => (
      <LinkRow
        key={r.id}
        link={r.link}
        title={r.title}
        detail={r.submittedAt ? t('todo.submittedAt', { owner: r.ownerName, at: formatDateTime(r.submittedAt) }) : r.ownerName}
        testId={`todo-review-${r.id}`}
      />
    ));
  const dues = (kind: 'reportsDue' | 'plansDue') =>
    data[kind].map((d) => (
      <LinkRow
        key={d.key}
        link={d.link}
        title={kind === 'plansDue' ? t('todo.planYear') : t(`todo.period.${d.period}` as MessageKey)}
        detail={dueDetail(d, t)}
        tone={d.overdue ? 'red.8' : undefined}
        testId={`todo-due-${d.key}`}
      />
    ));
  return (
    <Stack gap="md">
      <Group_ title={t('todo.minutesToSign')} count={data.counts.minutesToSign} testId="todo-minutes">
        {data.minutesToSign.map((m) => (
          <SignRow key={m.meetingId} item={m} t={t} onSigned={onSigned} />
        ))}
      </Group_>
      <Group_ title={t('todo.plansToReview')} count={data.counts.plansToReview} testId="todo-plans-review">
        {reviews('plansToReview')}
      </Group_>
      <Group_ title={t('todo.reportsToReview')} count={data.counts.reportsToReview} testId="todo-reports-review">
        {reviews('reportsToReview')}
      </Group_>
      <Group_ title={t('todo.reportsDue')} count={data.counts.reportsDue} testId="todo-reports-due">
        {dues('reportsDue')}
      </Group_>
      <Group_ title={t('todo.plansDue')} count={data.counts.plansDue} testId="todo-plans-due">
        {dues('plansDue')}
      </Group_>
      <Group_ title={t('todo.inspections')} count={data.counts.inspections} testId="todo-inspections">
        {data.inspections.map((i) => (
          <LinkRow
            key={i.id}
            link={i.link}
            title={i.targetName}
            detail={t(i.overdue ? 'todo.inspection.overdue' : `todo.inspection.${i.side}`, { date: formatDate(i.visitDate) })}
            tone={i.overdue ? 'red.8' : undefined}
            testId={`todo-inspection-${i.id}`}
          />
        ))}
      </Group_>
      <Group_ title={t('todo.adminTasks')} count={data.counts.adminTasks} testId="todo-admin">
        {data.adminTasks.map((a) => (
          <LinkRow
            key={a.kind}
            link={a.link}
            title={t('todo.admin.failedMail', { n: a.count })}
            detail={t('todo.admin.failedMailHint')}
            tone="orange.8"
            testId={`todo-admin-${a.kind}`}
          />
        ))}
      </Group_>
      <Group_ title={t('todo.meetingTasks')} count={data.counts.meetingTasks} testId="todo-meetings">
        {data.meetingTasks.map((m) => (
          <LinkRow
            key={m.meetingId}
            link={m.link}
            title={m.title}
            detail={`${t(`todo.role.${m.role}`)} · ${formatDateTime(m.startsAt)} · ${t(`todo.task.${m.task}`)}`}
            tone={m.task === 'upcoming' ? undefined : 'orange.8'}
            testId={`todo-meeting-${m.meetingId}`}
          />
        ))}
      </Group_>
    </Stack>
  );
}

/** "Việc cần làm": what waits for the logged-in person, by kind with counts, each item linking to where it is done. */
export function TodoList() {
  const t = useT();
  const q = useTodo();
  // A signature is confirmed in a line of the card, not in a toast: on a phone a toast lay over the next item's button.
  const [signed, setSigned] = useState<string | null>(null);
  return (
    <Card withBorder padding="md" mb="md" data-testid="todo">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <IconChecklist size={22} />
          <Title order={2} fz="h4">
            {t('todo.title')}
          </Title>
        </Group>
        {q.data && q.data.counts.total > 0 && (
          <Badge color="orange" variant="filled" data-testid="todo-total">
            {t('todo.total', { n: q.data.counts.total })}
          </Badge>
        )}
      </Group>
      {signed && (
        <Text role="status" size="sm" c="teal.8" fw={600} mb="xs" data-testid="todo-signed-note">
          {signed}
        </Text>
      )}
      {q.data ? (
        q.data.counts.total === 0 ? (
          <Empty>{t('todo.empty')}</Empty>
        ) : (
          <TodoGroups data={q.data} t={t} onSigned={setSigned} />
        )
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Loading />
      )}
    </Card>
  );
}
