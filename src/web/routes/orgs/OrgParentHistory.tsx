import type { OrgDetail } from '@shared/types';
import { DataTable } from '../../components/DataTable';
import { AnchorLink } from '../../components/links';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { formatDate } from '../../lib/dates';

type Row = OrgDetail['parentHistory'][number];

/** "Trực thuộc … từ … đến …": where the org sat in the tree over time. */
export function OrgParentHistory({ org }: { org: OrgDetail }) {
  const t = useT();
  if (org.parentHistory.length === 0) return null;
  const rows = [...org.parentHistory].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  return (
    <Section title={t('org.parentHistory')} testId="parent-history">
      <DataTable<Row>
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          {
            key: 'parent',
            header: t('org.parentHistoryParent'),
            primary: true,
            render: (r) => (
              <AnchorLink to="/orgs/$orgId" params={{ orgId: r.parent.id }}>
                {r.parent.name}
              </AnchorLink>
            ),
          },
          { key: 'from', header: t('org.from'), render: (r) => formatDate(r.validFrom) },
          { key: 'to', header: t('org.to'), render: (r) => (r.validTo ? formatDate(r.validTo) : t('common.now')) },
        ]}
      />
    </Section>
  );
}
