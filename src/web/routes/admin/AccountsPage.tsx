import { Badge, Button, TextInput } from '@mantine/core';
import type { AccountRow } from '@shared/types';
import { IconLock, IconLockOpen, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useAccounts, useSetAccountEnabled } from '../../api/admin';
import { useMe } from '../../api/auth';
import { DataTable } from '../../components/DataTable';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { Empty, Forbidden, QueryState } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/dates';
import { showServerError } from '../../lib/notify';
import { AccountFormModal } from './AccountFormModal';

/** `/admin/accounts`: accounts with their state; create for a person, disable/enable. */
export default function AccountsPage() {
  const t = useT();
  const me = useMe().data;
  const accounts = useAccounts();
  const toggle = useSetAccountEnabled();
  const [creating, setCreating] = useState(false);
  const [filter, setFilter] = useState('');
  if (!me?.can.manageAccounts) return <Forbidden />;
  const needle = filter.trim().toLowerCase();
  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="account-create">
            {t('accounts.create')}
          </Button>
        }
      />
      <TextInput
        mb="md"
        maw={420}
        aria-label={t('accounts.filter')}
        placeholder={t('accounts.filter')}
        leftSection={<IconSearch size={16} />}
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
      />
      <QueryState query={accounts}>
        {(rows) => {
          const shown = rows.filter((a) => !needle || a.fullName.toLowerCase().includes(needle) || a.email.toLowerCase().includes(needle));
          return shown.length === 0 ? (
            <Empty>{t('common.empty')}</Empty>
          ) : (
            <DataTable<AccountRow>
              rows={shown}
              rowKey={(a) => a.id}
              testId="accounts-list"
              columns={[
                {
                  key: 'name',
                  header: t('accounts.person'),
                  primary: true,
                  render: (a) => (
                    <AnchorLink to="/people/$personId" params={{ personId: a.personId }}>
                      {a.fullName}
                    </AnchorLink>
                  ),
                },
                { key: 'email', header: t('accounts.email'), render: (a) => a.email },
                {
                  key: 'status',
                  header: t('accounts.status'),
                  render: (a) => (
                    <>
                      <Badge color={a.disabledAt ? 'red' : 'green'} variant="light">
                        {a.disabledAt ? t('accounts.disabled') : t('accounts.active')}
                      </Badge>{' '}
                      {a.isAdmin && <Badge variant="outline">{t('accounts.isAdmin')}</Badge>}
                    </>
                  ),
                },
                {
                  key: 'last',
                  header: t('accounts.lastLogin'),
                  render: (a) => (a.lastLoginAt ? formatDateTime(a.lastLoginAt) : t('accounts.never')),
                },
                {
                  key: 'actions',
                  header: t('common.actions'),
                  render: (a) => (
                    <Button
                      size="xs"
                      variant="default"
                      color={a.disabledAt ? 'green' : 'red'}
                      leftSection={a.disabledAt ? <IconLockOpen size={14} /> : <IconLock size={14} />}
                      loading={toggle.isPending && toggle.variables?.id === a.id}
                      disabled={a.id === me.accountId}
                      onClick={() => toggle.mutate({ id: a.id, enabled: Boolean(a.disabledAt) }, { onError: (e) => showServerError(e, t) })}
                    >
                      {a.disabledAt ? t('accounts.enable') : t('accounts.disable')}
                    </Button>
                  ),
                },
              ]}
            />
          );
        }}
      </QueryState>
      {creating && <AccountFormModal onClose={() => setCreating(false)} />}
    </>
  );
}
