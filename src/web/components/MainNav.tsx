import { Divider, Stack, Text } from '@mantine/core';
import { OFFICE_TYPES } from '@shared/enums';
import type { Me } from '@shared/types';
import {
  IconBooks,
  IconCalendarEvent,
  IconCalendarMonth,
  IconCalendarStats,
  IconCalendarUser,
  IconChartBar,
  IconClipboardCheck,
  IconClipboardList,
  IconFileAnalytics,
  IconFileImport,
  IconGavel,
  IconHistory,
  IconHome,
  IconListCheck,
  IconMailExclamation,
  IconSitemap,
  IconTopologyStar3,
  IconTrophy,
  IconUserShield,
  IconUsers,
} from '@tabler/icons-react';
import { useT } from '../i18n/context';
import { NavLinkItem } from './links';

/** The side menu; admin entries appear only when `me.can` allows them. */
export function MainNav({ me, onNavigate }: { me: Me; onNavigate: () => void }) {
  const t = useT();
  const icon = (Icon: typeof IconHome) => <Icon size={20} stroke={1.6} aria-hidden="true" />;
  const admin = me.can.manageSchoolYears || me.can.manageAccounts || me.can.readAudit;
  // the compliance dashboard: office staff, and principals (network leaders); the page itself says 403 to others
  const officeStaff = me.positions.some((p) => OFFICE_TYPES.includes(p.orgType));
  const leads = me.positions.some((p) => p.position === 'principal' || p.position === 'vice_principal');
  return (
    <Stack gap={2} component="nav" aria-label={t('nav.main')}>
      <NavLinkItem to="/" label={t('nav.home')} leftSection={icon(IconHome)} onClick={onNavigate} activeOptions={{ exact: true }} h={44} />
      <NavLinkItem to="/meetings/mine" label={t('nav.myMeetings')} leftSection={icon(IconCalendarUser)} onClick={onNavigate} h={44} />
      <NavLinkItem
        to="/meetings"
        label={t('nav.schedule')}
        leftSection={icon(IconCalendarMonth)}
        onClick={onNavigate}
        activeOptions={{ exact: true, includeSearch: false }}
        h={44}
      />
      <NavLinkItem to="/orgs" label={t('nav.orgs')} leftSection={icon(IconSitemap)} onClick={onNavigate} h={44} />
      <NavLinkItem to="/networks" label={t('nav.networks')} leftSection={icon(IconTopologyStar3)} onClick={onNavigate} h={44} />
      <NavLinkItem to="/plans" label={t('nav.plans')} leftSection={icon(IconClipboardList)} onClick={onNavigate} h={44} />
      <NavLinkItem to="/programme" label={t('programme.nav')} leftSection={icon(IconCalendarStats)} onClick={onNavigate} h={44} />
      {(me.isAdmin || me.positions.some((p) => ['office_leader', 'specialist', 'principal', 'vice_principal'].includes(p.position))) && (
        <NavLinkItem to="/inspections" label={t('inspections.nav')} leftSection={icon(IconClipboardCheck)} onClick={onNavigate} h={44} />
      )}
      {(officeStaff || me.isAdmin || leads) && (
        <NavLinkItem to="/dashboard" label={t('dashboard.nav')} leftSection={icon(IconChartBar)} onClick={onNavigate} h={44} />
      )}
      {(officeStaff || me.isAdmin) && (
        <NavLinkItem to="/rules" label={t('rules.nav')} leftSection={icon(IconGavel)} onClick={onNavigate} h={44} />
      )}
      <NavLinkItem to="/materials" label={t('materials.nav')} leftSection={icon(IconBooks)} onClick={onNavigate} h={44} />
      <NavLinkItem to="/panels" label={t('panels.nav')} leftSection={icon(IconTrophy)} onClick={onNavigate} h={44} />
      {(officeStaff || me.isAdmin) && (
        <NavLinkItem to="/rubrics" label={t('rubrics.nav')} leftSection={icon(IconListCheck)} onClick={onNavigate} h={44} />
      )}
      <NavLinkItem to="/reports" label={t('reports.link')} leftSection={icon(IconFileAnalytics)} onClick={onNavigate} h={44} />
      <NavLinkItem to="/people" label={t('nav.people')} leftSection={icon(IconUsers)} onClick={onNavigate} h={44} />
      {(me.can.importOrgs || me.can.importStaff) && (
        <NavLinkItem to="/imports" label={t('nav.imports')} leftSection={icon(IconFileImport)} onClick={onNavigate} h={44} />
      )}
      {admin && (
        <>
          <Divider my="sm" />
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4}>
            {t('nav.admin')}
          </Text>
        </>
      )}
      {me.can.manageSchoolYears && (
        <NavLinkItem
          to="/admin/school-years"
          label={t('nav.schoolYears')}
          leftSection={icon(IconCalendarEvent)}
          onClick={onNavigate}
          h={44}
        />
      )}
      {me.can.manageAccounts && (
        <NavLinkItem to="/admin/accounts" label={t('nav.accounts')} leftSection={icon(IconUserShield)} onClick={onNavigate} h={44} />
      )}
      {me.can.readAudit && (
        <NavLinkItem to="/admin/audit" label={t('nav.audit')} leftSection={icon(IconHistory)} onClick={onNavigate} h={44} />
      )}
      {me.isAdmin && (
        <NavLinkItem
          to="/admin/outbox"
          label={t('notifications.outbox.nav')}
          leftSection={icon(IconMailExclamation)}
          onClick={onNavigate}
          h={44}
        />
      )}
    </Stack>
  );
}
