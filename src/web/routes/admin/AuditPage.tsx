import { Accordion, Badge, Group, Pagination, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useAudit } from '../../api/admin';
import { useMe } from '../../api/auth';
import { PageHeader } from '../../components/PageHeader';
import { Empty, Forbidden, QueryState } from '../../components/PageState';
import { type MessageKey, useT } from '../../i18n/context';
import { vi } from '../../i18n/messages';
import { formatDateTime } from '../../lib/dates';
import { AuditDiff } from './AuditDiff';

/** `/admin/audit`: who changed what and when, with a before/after diff per entry. */
export default function AuditPage() {
  const t = useT();
  const me = useMe().data;
  /** The translated label of a code when the dictionaries know it, else the code itself. */
  const known = (key: string, fallback: string) => (key in vi ? t(key as MessageKey) : fallback);
  const navigate = useNavigate({ from: '/admin/audit' });
  const search = useSearch({ from: '/app/admin/audit' });
  const [entityType, setEntityType] = useState(search.entityType ?? '');
  const [entityId, setEntityId] = useState(search.entityId ?? '');
  const [debounced] = useDebouncedValue({ entityType: entityType.trim(), entityId: entityId.trim() }, 300);
  const audit = useAudit({ entityType: search.entityType, entityId: search.entityId, page: search.page ?? 1 });

  useEffect(() => {
    if (debounced.entityType === (search.entityType ?? '') && debounced.entityId === (search.entityId ?? '')) return;
    navigate({ search: { entityType: debounced.entityType || undefined, entityId: debounced.entityId || undefined }, replace: true });
  }, [debounced.entityType, debounced.entityId, search.entityType, search.entityId, navigate]);

  if (!me?.can.readAudit) return <Forbidden />;
  return (
    <>
      <PageHeader title={t('audit.title')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} mb="md" maw={640}>
        <TextInput
          label={t('audit.entityType')}
          placeholder="org, person, network…"
          value={entityType}
          onChange={(e) => setEntityType(e.currentTarget.value)}
        />
        <TextInput label={t('audit.entityId')} value={entityId} onChange={(e) => setEntityId(e.currentTarget.value)} />
      </SimpleGrid>
      <QueryState query={audit}>
        {(data) => {
          const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
          if (data.items.length === 0) return <Empty>{t('common.empty')}</Empty>;
          return (
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('common.pageInfo', { page: data.page, pages, total: data.total })}
              </Text>
              <Accordion variant="separated" multiple data-testid="audit-list">
                {data.items.map((row) => (
                  <Accordion.Item key={row.id} value={String(row.id)}>
                    <Accordion.Control>
                      <Group gap="xs" wrap="wrap">
                        <Text size="sm" fw={600}>
                          {formatDateTime(row.at)}
                        </Text>
                        <Text size="sm">{row.actorName ?? t('audit.system')}</Text>
                        <Badge variant="light">{known(`audit.action.${row.action}`, row.action)}</Badge>
                        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                          {known(`audit.entity.${row.entityType}`, row.entityType)} · {row.label ?? row.entityId}
                        </Text>
                      </Group>
                    </Accordion.Control>
                    <Accordion.Panel>
                      <AuditDiff before={row.before} after={row.after} />
                    </Accordion.Panel>
                  </Accordion.Item>
                ))}
              </Accordion>
              {pages > 1 && (
                <Group justify="center">
                  <Pagination
                    total={pages}
                    value={data.page}
                    siblings={0}
                    onChange={(p) => navigate({ search: (s) => ({ ...s, page: p > 1 ? p : undefined }) })}
                  />
                </Group>
              )}
            </Stack>
          );
        }}
      </QueryState>
    </>
  );
}
