import { AppShell, Burger, Group, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconSchool } from '@tabler/icons-react';
import { Link, Navigate, Outlet, useLocation } from '@tanstack/react-router';
import { useDeferredValue } from 'react';
import { useMe } from '../api/auth';
import { useT } from '../i18n/context';
import { useOpenedOnce } from '../lib/openedOnce';
import { SchoolYearProvider } from '../state/SchoolYearProvider';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';
import { NotificationBell } from './NotificationBell';
import { ErrorState, Loading } from './PageState';
import { SchoolYearSelect } from './SchoolYearSelect';
import { UserMenu } from './UserMenu';

/** The logged-in frame: header (menu, school year, language, user), side menu, page. Sends guests to /login. */
export function AppLayout() {
  const t = useT();
  const me = useMe();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  // On a phone the side menu is closed: it is built when first opened, not with the first screen (a dozen links).
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const navBuilt = useOpenedOnce(opened || wide === true);

  // Who is logged in arrives through the query cache, whose updates React renders in one uninterruptible pass: the
  // shell and the page are built in a background render instead, in slices, once the answer is there.
  const settled = useDeferredValue(!me.isPending, false);

  if (me.isPending || !settled) return <Loading />;
  if (me.error) return <ErrorState error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) return <Navigate to="/login" search={{ redirect: location.href }} replace />;

  return (
    <SchoolYearProvider>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'sm', sm: 'lg' }}
      >
        <AppShell.Header>
          <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
                data-testid="nav-burger"
              />
              <UnstyledButton component={Link} to="/" onClick={close} aria-label={t('app.name')}>
                <Group gap={6} wrap="nowrap">
                  <ThemeIcon size={32} radius="md" aria-hidden="true">
                    <IconSchool size={20} />
                  </ThemeIcon>
                  <Text fw={700} size="lg" visibleFrom="xs">
                    {t('app.name')}
                  </Text>
                </Group>
              </UnstyledButton>
            </Group>
            <Group gap={6} wrap="nowrap">
              <SchoolYearSelect compact />
              <NotificationBell />
              <LanguageSwitch />
              <UserMenu me={me.data} />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm">{navBuilt && <MainNav me={me.data} onNavigate={close} />}</AppShell.Navbar>
        <AppShell.Main>
          <div style={{ maxWidth: 1200, margin: '0 auto' }}>
            <Outlet />
          </div>
        </AppShell.Main>
      </AppShell>
    </SchoolYearProvider>
  );
}
