import type { OrgType } from '@shared/enums';
import {
  IconBuildingBank,
  IconBuildingCommunity,
  IconBuildingEstate,
  IconBuildingWarehouse,
  IconSchool,
  IconUsersGroup,
} from '@tabler/icons-react';

const icons = {
  province_department: IconBuildingBank,
  district_office: IconBuildingEstate,
  commune: IconBuildingCommunity,
  school: IconSchool,
  center: IconBuildingWarehouse,
  team: IconUsersGroup,
} as const;

const colors: Record<OrgType, string> = {
  province_department: 'var(--mantine-color-red-7)',
  district_office: 'var(--mantine-color-grape-7)',
  commune: 'var(--mantine-color-teal-7)',
  school: 'var(--mantine-color-blue-7)',
  center: 'var(--mantine-color-orange-7)',
  team: 'var(--mantine-color-gray-7)',
};

/** An icon per org type (decorative; the type is also written out next to it). */
export function OrgTypeIcon({ type, size = 18 }: { type: OrgType; size?: number }) {
  const Icon = icons[type];
  return <Icon size={size} color={colors[type]} aria-hidden="true" style={{ flexShrink: 0 }} />;
}
