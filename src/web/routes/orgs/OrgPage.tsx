import { Anchor, Breadcrumbs, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { OrgDetail } from '@shared/types';
import { IconArrowsExchange, IconPencil, IconPlus } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useOrg } from '../../api/orgs';
import { LevelBadges } from '../../components/Badges';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { useSchoolYear } from '../../state/schoolYearContext';
import { PlansLink } from '../plans/PlansLink';
import { ReportsLink } from '../reports/ReportsLink';
import { RulesLink } from '../rules/RulesLink';
import { MoveOrgModal } from './MoveOrgModal';
import { OrgChildren } from './OrgChildren';
import { OrgInfo } from './OrgInfo';
import { OrgNetworks } from './OrgNetworks';
import { OrgParentHistory } from './OrgParentHistory';
import { OrgStaff } from './OrgStaff';

function OrgView({ org }: { org: OrgDetail }) {
  const t = useT();
  const [moving, move] = useDisclosure(false);
  const crumbs = (
    <Breadcrumbs separatorMargin={4} style={{ flexWrap: 'wrap' }} aria-label={t('org.parentHistoryParent')}>
      <AnchorLink to="/orgs" size="sm">
        {t('nav.orgs')}
      </AnchorLink>
      {org.ancestors.map((a) => (
        <AnchorLink key={a.id} to="/orgs/$orgId" params={{ orgId: a.id }} size="sm">
          {a.shortName ?? a.name}
        </AnchorLink>
      ))}
      <Anchor component="span" size="sm" c="dimmed" aria-current="page">
        {org.shortName ?? org.name}
      </Anchor>
    </Breadcrumbs>
  );
  const actions = (
    <>
      <PlansLink orgId={org.id} />
      <RulesLink orgId={org.id} orgType={org.type} />
      <ReportsLink orgId={org.id} />
      {org.can.update && (
        <ButtonLink
          to="/orgs/$orgId/edit"
          params={{ orgId: org.id }}
          variant="default"
          leftSection={<IconPencil size={16} />}
          data-testid="org-edit"
        >
          {t('org.edit')}
        </ButtonLink>
      )}
      {org.can.createChild && (
        <ButtonLink
          to="/orgs/new"
          search={{ parentId: org.id }}
          variant="default"
          leftSection={<IconPlus size={16} />}
          data-testid="org-add-child"
        >
          {t('org.addChild')}
        </ButtonLink>
      )}
      {org.can.move && (
        <Button variant="default" leftSection={<IconArrowsExchange size={16} />} onClick={move.open} data-testid="org-move">
          {t('org.move')}
        </Button>
      )}
    </>
  );
  return (
    <>
      <PageHeader
        above={crumbs}
        title={org.name}
        subtitle={
          <Group gap={6}>
            <Text size="sm">{t(`orgType.${org.type}`)}</Text>
            <LevelBadges levels={org.levels} />
          </Group>
        }
        actions={actions}
      />
      <Stack gap="md">
        <OrgInfo org={org} />
        <OrgParentHistory org={org} />
        <OrgChildren org={org} />
        <OrgNetworks org={org} />
        <OrgStaff org={org} />
      </Stack>
      {org.can.move && <MoveOrgModal org={org} opened={moving} onClose={move.close} />}
    </>
  );
}

/** An org's page: breadcrumbs, details, parent history, children, networks, staff and allowed actions. */
export default function OrgPage() {
  const { orgId } = useParams({ from: '/app/orgs/$orgId' });
  const { selected } = useSchoolYear();
  const org = useOrg(orgId, selected?.startDate);
  return <QueryState query={org}>{(data) => <OrgView org={data} />}</QueryState>;
}
