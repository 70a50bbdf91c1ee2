import { Badge, Button } from '@mantine/core';
import type { SchoolYear } from '@shared/types';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useMe } from '../../api/auth';
import { useSchoolYears } from '../../api/reference';
import { DataTable } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { Empty, Forbidden, QueryState } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { formatDate } from '../../lib/dates';
import { SchoolYearFormModal } from './SchoolYearFormModal';

/** `/admin/school-years`: the list of school years, with create/edit of their two terms. */
export default function SchoolYearsPage() {
  const t = useT();
  const me = useMe().data;
  const years = useSchoolYears();
  const [editing, setEditing] = useState<SchoolYear | 'new' | null>(null);
  if (!me?.can.manageSchoolYears) return <Forbidden />;
  const term = (y: SchoolYear, n: 1 | 2) => {
    const x = y.terms.find((tt) => tt.number === n);
    return x ? `${formatDate(x.startDate)} – ${formatDate(x.endDate)}` : '—';
  };
  return (
    <>
      <PageHeader
        title={t('schoolYears.title')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="school-year-create">
            {t('schoolYears.create')}
          </Button>
        }
      />
      <QueryState query={years}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t('schoolYear.none')}</Empty>
          ) : (
            <DataTable<SchoolYear>
              rows={rows}
              rowKey={(y) => y.id}
              columns={[
                {
                  key: 'code',
                  header: t('schoolYears.code'),
                  primary: true,
                  render: (y) => (
                    <Badge size="lg" variant="light">
                      {y.code}
                    </Badge>
                  ),
                },
                { key: 'start', header: t('schoolYears.start'), render: (y) => formatDate(y.startDate) },
                { key: 'end', header: t('schoolYears.end'), render: (y) => formatDate(y.endDate) },
                { key: 't1', header: t('schoolYears.term', { n: 1 }), render: (y) => term(y, 1) },
                { key: 't2', header: t('schoolYears.term', { n: 2 }), render: (y) => term(y, 2) },
                {
                  key: 'actions',
                  header: t('common.actions'),
                  render: (y) => (
                    <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={() => setEditing(y)}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]}
            />
          )
        }
      </QueryState>
      {editing && <SchoolYearFormModal year={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
