import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFileImport, IconSitemap, IconTopologyStar3, IconUsers } from '@tabler/icons-react';
import { useMe } from '../../api/auth';
import { useHome } from '../../api/reference';
import { ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { useSchoolYear } from '../../state/schoolYearContext';
import { MyNetworks } from './MyNetworks';
import { MyOrgs } from './MyOrgs';
import { TodoList } from './TodoList';

/** Home: greeting, "Việc cần làm", my orgs with my position, my networks with my role, quick links. */
export default function HomePage() {
  const t = useT();
  const me = useMe().data;
  const { selected } = useSchoolYear();
  const home = useHome(selected?.id ?? null);

  return (
    <>
      <PageHeader
        title={t('home.greeting', { name: me?.fullName ?? '' })}
        subtitle={selected ? t('home.subtitle', { year: selected.code }) : undefined}
      />
      <TodoList />
      <QueryState query={home}>
        {(data) => (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Card withBorder padding="md">
              <Title order={3} fz="h4" mb="sm">
                {t('home.myOrgs')}
              </Title>
              <MyOrgs orgs={data.orgs} />
            </Card>
            <Card withBorder padding="md">
              <Title order={3} fz="h4" mb="sm">
                {t('home.myNetworks')}
              </Title>
              <MyNetworks networks={data.networks} />
            </Card>
          </SimpleGrid>
        )}
      </QueryState>
      <Stack gap="xs" mt="lg">
        <Text fw={700}>{t('home.quickLinks')}</Text>
        <Group gap="sm">
          <ButtonLink to="/orgs" variant="light" leftSection={<IconSitemap size={18} />}>
            {t('nav.orgs')}
          </ButtonLink>
          <ButtonLink to="/networks" variant="light" leftSection={<IconTopologyStar3 size={18} />}>
            {t('nav.networks')}
          </ButtonLink>
          <ButtonLink to="/people" variant="light" leftSection={<IconUsers size={18} />}>
            {t('nav.people')}
          </ButtonLink>
          {me && (me.can.importOrgs || me.can.importStaff) && (
            <ButtonLink to="/imports" variant="light" leftSection={<IconFileImport size={18} />}>
              {t('nav.imports')}
            </ButtonLink>
          )}
        </Group>
      </Stack>
    </>
  );
}
