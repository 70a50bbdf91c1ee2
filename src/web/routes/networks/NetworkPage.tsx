import { Button, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { NetworkDetail } from '@shared/types';
import { IconCalendarRepeat, IconPencil, IconTrash } from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useDeleteNetwork, useNetwork } from '../../api/networks';
import { NetworkKindBadge } from '../../components/Badges';
import { InfoList } from '../../components/InfoList';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageState';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { formatDate } from '../../lib/dates';
import { notifySuccess, showServerError } from '../../lib/notify';
import { PlansLink } from '../plans/PlansLink';
import { ReportsLink } from '../reports/ReportsLink';
import { NetworkLeaders } from './NetworkLeaders';
import { NetworkMeetingLinks } from './NetworkMeetingLinks';
import { NetworkMembers } from './NetworkMembers';
import { RollOverModal } from './RollOverModal';
import { ScheduleDownloads } from './ScheduleDownloads';

function NetworkView({ network: n }: { network: NetworkDetail }) {
  const t = useT();
  const navigate = useNavigate();
  const [confirming, confirm] = useDisclosure(false);
  const [rolling, roll] = useDisclosure(false);
  const remove = useDeleteNetwork(n.id);
  const decision = n.decisionNumber
    ? n.decisionDate
      ? t('network.decisionText', { number: n.decisionNumber, date: formatDate(n.decisionDate) })
      : n.decisionNumber
    : n.decisionDate
      ? formatDate(n.decisionDate)
      : null;
  const org = (o: { id: string; name: string } | null) =>
    o ? (
      <AnchorLink to="/orgs/$orgId" params={{ orgId: o.id }}>
        {o.name}
      </AnchorLink>
    ) : null;

  return (
    <>
      <PageHeader
        above={<NetworkKindBadge kind={n.kind} />}
        title={n.name}
        subtitle={t('home.subtitle', { year: n.schoolYearCode })}
        actions={
          <>
            <PlansLink networkId={n.id} />
            <ReportsLink networkId={n.id} />
            {n.can.update && (
              <ButtonLink
                to="/networks/$networkId/edit"
                params={{ networkId: n.id }}
                variant="default"
                leftSection={<IconPencil size={16} />}
                data-testid="network-edit"
              >
                {t('common.edit')}
              </ButtonLink>
            )}
            {n.can.update && (
              <Button variant="default" leftSection={<IconCalendarRepeat size={16} />} onClick={roll.open} data-testid="network-rollover">
                {t('network.rollOver.open')}
              </Button>
            )}
            {n.can.delete && (
              <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={confirm.open}>
                {t('common.delete')}
              </Button>
            )}
          </>
        }
      />
      <RollOverModal network={n} opened={rolling} onClose={roll.close} />
      <Stack gap="md">
        <Section title={t('org.info')}>
          <InfoList
            items={[
              { label: t('network.kind'), value: t(`networkKind.${n.kind}`) },
              { label: t('network.schoolYear'), value: n.schoolYearCode },
              { label: t('network.supervising'), value: org(n.supervisingOrg) },
              { label: t('network.decision'), value: decision },
              { label: t('network.leadOrg'), value: org(n.leadOrg) },
              { label: t('network.leadershipMode'), value: t(`network.mode.${n.leadershipMode}`) },
              ...(n.description ? [{ label: t('network.description'), value: n.description }] : []),
            ]}
          />
        </Section>
        <ScheduleDownloads networkId={n.id} />
        <NetworkLeaders network={n} />
        <NetworkMembers network={n} />
        <NetworkMeetingLinks networkId={n.id} />
        {(n.parentNetwork || n.childNetworks.length > 0) && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {n.parentNetwork && (
              <Section title={t('network.parent')}>
                <AnchorLink to="/networks/$networkId" params={{ networkId: n.parentNetwork.id }}>
                  {n.parentNetwork.name}
                </AnchorLink>
              </Section>
            )}
            {n.childNetworks.length > 0 && (
              <Section title={`${t('network.children')} (${n.childNetworks.length})`} testId="child-networks">
                <Stack gap={6}>
                  {n.childNetworks.map((c) => (
                    <Group key={c.id} gap="xs">
                      <NetworkKindBadge kind={c.kind} />
                      <AnchorLink to="/networks/$networkId" params={{ networkId: c.id }}>
                        {c.name}
                      </AnchorLink>
                    </Group>
                  ))}
                </Stack>
              </Section>
            )}
          </SimpleGrid>
        )}
      </Stack>
      <Modal opened={confirming} onClose={confirm.close} title={t('network.delete')}>
        <Text mb="md">{t('network.deleteConfirm', { name: n.name })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={confirm.close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(undefined, {
                onSuccess: () => {
                  notifySuccess(t('network.deleted'));
                  navigate({ to: '/networks' });
                },
                onError: (error) => showServerError(error, t),
              })
            }
          >
            {t('common.delete')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}

/** A network's page: kind, year, supervising org, decision, lead org, leaders, members, parent and child networks. */
export default function NetworkPage() {
  const { networkId } = useParams({ from: '/app/networks/$networkId' });
  const network = useNetwork(networkId);
  return <QueryState query={network}>{(data) => <NetworkView network={data} />}</QueryState>;
}
