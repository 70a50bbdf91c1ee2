import { Group, Pagination, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { POSITIONS, type Position } from '@shared/enums';
import type { PersonSummary } from '@shared/types';
import { IconSearch } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useOrg } from '../../api/orgs';
import { usePeople } from '../../api/people';
import { useSubjects } from '../../api/reference';
import { type Column, DataTable } from '../../components/DataTable';
import { AnchorLink } from '../../components/links';
import { OrgPicker } from '../../components/OrgPicker';
import { PageHeader } from '../../components/PageHeader';
import { Empty, QueryState } from '../../components/PageState';
import { useT } from '../../i18n/context';

const PAGE_SIZE = 25;
const isPosition = (p: string | undefined): p is Position => POSITIONS.some((x) => x === p);

/** The people list with search, org, position and subject filters, and pagination (all kept in the URL). */
export default function PeoplePage() {
  const t = useT();
  const navigate = useNavigate({ from: '/people' });
  const search = useSearch({ from: '/app/people' });
  const [q, setQ] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const position = isPosition(search.position) ? search.position : undefined;
  const page = search.page ?? 1;
  const subjects = useSubjects();
  const filterOrg = useOrg(search.orgId ?? null);
  const people = usePeople({ q: search.q, orgId: search.orgId, position, subjectId: search.subjectId, page, pageSize: PAGE_SIZE });

  useEffect(() => {
    if (debounced !== (search.q ?? '')) navigate({ search: (s) => ({ ...s, q: debounced || undefined, page: undefined }), replace: true });
  }, [debounced, search.q, navigate]);

  const setFilter = (patch: Record<string, string | undefined>) => navigate({ search: (s) => ({ ...s, ...patch, page: undefined }) });

  const columns: Column<PersonSummary>[] = [
    {
      key: 'name',
      header: t('person.fullName'),
      primary: true,
      render: (p) => (
        <AnchorLink to="/people/$personId" params={{ personId: p.id }} fw={600}>
          {p.fullName}
        </AnchorLink>
      ),
    },
    {
      key: 'positions',
      header: t('people.position'),
      render: (p) => p.positions.map((x) => `${t(`position.${x.position}`)} – ${x.orgName}`).join('; '),
    },
    { key: 'subjects', header: t('person.subjects'), render: (p) => p.subjects.map((s) => s.name).join(', ') },
    { key: 'email', header: t('person.email'), render: (p) => p.email ?? '', hideOnPhone: true },
  ];

  return (
    <>
      <PageHeader title={t('people.title')} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="md">
        <TextInput
          label={t('people.search')}
          placeholder={t('people.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          data-testid="people-search"
        />
        <OrgPicker
          key={filterOrg.data?.id ?? 'none'}
          label={t('people.org')}
          placeholder={t('common.all')}
          initial={filterOrg.data ?? null}
          value={search.orgId ?? null}
          onChange={(id) => setFilter({ orgId: id ?? undefined })}
          size="md"
        />
        <Select
          label={t('people.position')}
          placeholder={t('common.all')}
          clearable
          data={POSITIONS.map((p) => ({ value: p, label: t(`position.${p}`) }))}
          value={position ?? null}
          onChange={(v) => setFilter({ position: v ?? undefined })}
          size="md"
        />
        <Select
          label={t('people.subject')}
          placeholder={t('common.all')}
          clearable
          searchable
          data={(subjects.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={search.subjectId ?? null}
          onChange={(v) => setFilter({ subjectId: v ?? undefined })}
          size="md"
        />
      </SimpleGrid>
      <QueryState query={people}>
        {(data) => {
          const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
          return data.items.length === 0 ? (
            <Empty>{t('people.empty')}</Empty>
          ) : (
            <>
              <Text size="sm" c="dimmed" mb="xs">
                {t('common.pageInfo', { page: data.page, pages, total: data.total })}
              </Text>
              <DataTable rows={data.items} rowKey={(p) => p.id} columns={columns} testId="people-list" />
              {pages > 1 && (
                <Group justify="center" mt="md">
                  <Pagination
                    total={pages}
                    value={data.page}
                    onChange={(p) => navigate({ search: (s) => ({ ...s, page: p > 1 ? p : undefined }) })}
                    siblings={0}
                    size="md"
                  />
                </Group>
              )}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
