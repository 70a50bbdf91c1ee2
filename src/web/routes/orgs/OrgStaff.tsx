import { Alert, Group } from '@mantine/core';
import type { OrgDetail, PersonSummary } from '@shared/types';
import { IconLock, IconUserPlus } from '@tabler/icons-react';
import { useOrgPeople } from '../../api/orgs';
import { DataTable } from '../../components/DataTable';
import { AnchorLink, ButtonLink } from '../../components/links';
import { Empty, QueryState } from '../../components/PageState';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { positionText } from '../../lib/positionText';

/** The staff of an org, when the user may see them; otherwise a short note. */
export function OrgStaff({ org }: { org: OrgDetail }) {
  const t = useT();
  const people = useOrgPeople(org.id, org.can.viewStaff);
  if (!org.can.viewStaff) {
    if (org.type !== 'school' && org.type !== 'center' && org.type !== 'team') return null;
    return (
      <Alert color="gray" icon={<IconLock size={18} />} data-testid="staff-hidden">
        {t('org.staffHidden')}
      </Alert>
    );
  }
  return (
    <Section title={t('org.staff')} testId="org-staff">
      {org.can.manageStaff && (
        <Group mb="sm">
          <ButtonLink to="/people/new" search={{ orgId: org.id }} variant="light" size="xs" leftSection={<IconUserPlus size={16} />}>
            {t('org.addPerson')}
          </ButtonLink>
        </Group>
      )}
      <QueryState query={people}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t('org.noStaff')}</Empty>
          ) : (
            <DataTable<PersonSummary>
              rows={rows}
              rowKey={(p) => p.id}
              columns={[
                {
                  key: 'name',
                  header: t('person.fullName'),
                  primary: true,
                  render: (p) => (
                    <AnchorLink to="/people/$personId" params={{ personId: p.id }}>
                      {p.fullName}
                    </AnchorLink>
                  ),
                },
                {
                  key: 'position',
                  header: t('people.position'),
                  render: (p) =>
                    p.positions
                      .filter((x) => x.orgId === org.id)
                      .map((x) => positionText(t, x.position, org.type))
                      .join(', ') || p.positions.map((x) => `${t(`position.${x.position}`)} (${x.orgName})`).join(', '),
                },
                { key: 'subjects', header: t('person.subjects'), render: (p) => p.subjects.map((s) => s.name).join(', ') },
                { key: 'email', header: t('person.email'), render: (p) => p.email ?? '', hideOnPhone: true },
              ]}
            />
          )
        }
      </QueryState>
    </Section>
  );
}
