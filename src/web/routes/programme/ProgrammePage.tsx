import { ActionIcon, Anchor, Button, Group, Select, Stack, Text } from '@mantine/core';
import { SCHOOL_LEVELS } from '@shared/enums';
import type { AssignmentView } from '@shared/programme';
import { IconDownload, IconLink, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useAssignments, useDeleteAssignment, useProgrammeCan } from '../../api/programme';
import { useConfirm } from '../../components/ConfirmDialog';
import { type Column, DataTable } from '../../components/DataTable';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { Empty, QueryState } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { formatDate } from '../../lib/dates';
import { notifySuccess, showServerError } from '../../lib/notify';
import { useSchoolYear } from '../../state/schoolYearContext';
import { PreparationCell } from '../preparation/PreparationCell';
import { AssignmentStatusBadge } from './AssignmentBadges';
import { AssignmentModal } from './AssignmentModal';
import { LinkModal } from './LinkModal';
import { documentUrl, monthLabel, monthsOf } from './programmeFormat';

/** "Chương trình cấp tỉnh": the Sở's assignments (Phụ lục I) by month and level, each with its meeting and status. */
export default function ProgrammePage() {
  const t = useT();
  const { selected } = useSchoolYear();
  const [level, setLevel] = useState<string | null>(null);
  const [month, setMonth] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [linking, setLinking] = useState<AssignmentView | null>(null);
  const rows = useAssignments({ schoolYearId: selected?.id, level, month }, Boolean(selected));
  const can = useProgrammeCan();
  const remove = useDeleteAssignment();
  const [confirm, confirmDialog] = useConfirm();
  const canAdd = (can.data?.provinces.length ?? 0) > 0;

  const columns: Column<AssignmentView>[] = [
    {
      key: 'unit',
      header: t('programme.unit'),
      primary: true,
      render: (a) => (
        <Text fw={600} size="sm" data-testid="assignment-unit-name">
          {a.unitName}
        </Text>
      ),
    },
    { key: 'level', header: t('programme.level'), render: (a) => t(`level.${a.level}`) },
    { key: 'subject', header: t('programme.subject'), render: (a) => `${a.subjectName}${a.grade ? ` ${a.grade}` : ''}` },
    { key: 'month', header: t('programme.month'), render: (a) => t('programme.monthValue', { month: monthLabel(a.month) }) },
    { key: 'status', header: t('programme.status'), render: (a) => <AssignmentStatusBadge status={a.status} /> },
    {
      key: 'meeting',
      header: t('programme.meeting'),
      render: (a) =>
        a.meeting ? (
          <AnchorLink to="/meetings/$meetingId" params={{ meetingId: a.meeting.id }} data-testid="assignment-meeting-link">
            {formatDate(a.meeting.startsAt)} · {a.meeting.title}
          </AnchorLink>
        ) : (
          '—'
        ),
    },
    {
      key: 'due',
      header: t('programme.dueDate'),
      render: (a) => <PreparationCell assignment={a} fallback={a.dueDate ? formatDate(a.dueDate) : t('programme.noDue')} />,
    },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (a) => (
        <Group gap="xs" wrap="nowrap">
          {a.can.link && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconLink size={14} />}
              onClick={() => setLinking(a)}
              data-testid="assignment-link"
            >
              {t('programme.link')}
            </Button>
          )}
          {a.can.edit && (
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('common.delete')}
              onClick={async () => {
                const ok = await confirm({
                  title: t('common.delete'),
                  message: t('programme.deleteConfirm'),
                  confirmLabel: t('common.delete'),
                  color: 'red',
                });
                if (ok)
                  remove.mutate(a.id, { onSuccess: () => notifySuccess(t('programme.deleted')), onError: (e) => showServerError(e, t) });
              }}
            >
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
      ),
    },
  ];

  return (
    <>
      {confirmDialog}
      <PageHeader
        title={t('programme.title')}
        subtitle={selected ? t('programme.subtitle', { year: selected.code }) : undefined}
        actions={
          canAdd ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} data-testid="assignment-add">
              {t('programme.add')}
            </Button>
          ) : undefined
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('programme.month')}
            placeholder={t('programme.allMonths')}
            clearable
            data={monthsOf(selected).map((m) => ({ value: m, label: t('programme.monthValue', { month: monthLabel(m) }) }))}
            value={month}
            onChange={setMonth}
            size="md"
            style={{ flex: '1 1 10rem', maxWidth: '16rem' }}
            data-testid="programme-month-filter"
          />
          <Select
            label={t('programme.level')}
            placeholder={t('programme.allLevels')}
            clearable
            data={SCHOOL_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
            value={level}
            onChange={setLevel}
            size="md"
            style={{ flex: '1 1 10rem', maxWidth: '16rem' }}
            data-testid="programme-level-filter"
          />
          {selected && (
            <Group gap="xs">
              <Anchor href={documentUrl('/programme/phu-luc-1.docx', selected.id)} download data-testid="programme-docx">
                <Group gap={4}>
                  <IconDownload size={16} />
                  {t('programme.docx')}
                </Group>
              </Anchor>
              <Anchor href={documentUrl('/programme/phu-luc-1.xlsx', selected.id)} download data-testid="programme-xlsx">
                <Group gap={4}>
                  <IconDownload size={16} />
                  {t('programme.xlsx')}
                </Group>
              </Anchor>
            </Group>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('programme.dueHint')}
        </Text>
        <QueryState query={rows}>
          {(list) =>
            list.length === 0 ? (
              <Empty>{t('programme.empty')}</Empty>
            ) : (
              <DataTable rows={list} rowKey={(a) => a.id} columns={columns} testId="assignment-list" />
            )
          }
        </QueryState>
      </Stack>
      {selected && <AssignmentModal opened={adding} year={selected} onClose={() => setAdding(false)} />}
      <LinkModal key={linking?.id ?? 'none'} assignment={linking} onClose={() => setLinking(null)} />
    </>
  );
}
