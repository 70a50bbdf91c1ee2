import { Alert, CloseButton, Paper, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCalendar, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useOrgTree } from '../../api/orgs';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { formatDate, todayIso } from '../../lib/dates';
import { useSchoolYear } from '../../state/schoolYearContext';
import { OrgSearchResults } from './OrgSearchResults';
import { OrgTree } from './OrgTree';

/** The org browser: the tree as it stood at the start of the selected school year, and a diacritic-blind search. */
export default function OrgTreePage() {
  const t = useT();
  const { selected, loading } = useSchoolYear();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const date = selected?.startDate ?? (loading ? null : todayIso());
  const tree = useOrgTree(date);

  return (
    <>
      <PageHeader title={t('orgs.title')} />
      <Stack gap="sm">
        <TextInput
          data-testid="org-search"
          label={t('orgs.searchLabel')}
          placeholder={t('orgs.searchPlaceholder')}
          leftSection={<IconSearch size={18} aria-hidden="true" />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          rightSection={q ? <CloseButton aria-label={t('common.close')} onClick={() => setQ('')} /> : null}
          type="search"
          size="md"
        />
        {date && (
          <Alert color="blue" variant="light" icon={<IconCalendar size={18} />} p="xs" data-testid="tree-date">
            {selected
              ? t('orgs.treeDate', { date: formatDate(date), year: selected.code })
              : t('orgs.treeDateNoYear', { date: formatDate(date) })}
          </Alert>
        )}
        <Paper withBorder p={{ base: 'xs', sm: 'md' }}>
          {debounced.length >= 2 ? (
            <OrgSearchResults q={debounced} date={date} />
          ) : (
            <QueryState query={tree}>{(data) => <OrgTree nodes={data.nodes} />}</QueryState>
          )}
        </Paper>
      </Stack>
    </>
  );
}
