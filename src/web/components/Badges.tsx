import { Badge } from '@mantine/core';
import type { NetworkKind, NetworkRole, SchoolLevel } from '@shared/enums';
import { useT } from '../i18n/context';

const kindColors: Record<NetworkKind, string> = { cluster: 'blue', school_group: 'teal', district_group: 'grape', custom: 'gray' };

/** A coloured badge naming the network kind. */
export function NetworkKindBadge({ kind }: { kind: NetworkKind }) {
  const t = useT();
  return (
    <Badge color={kindColors[kind]} variant="light" style={{ flexShrink: 0 }}>
      {t(`networkKind.${kind}`)}
    </Badge>
  );
}

/** A badge for a network role (Trưởng / Phó). */
export function RoleBadge({ role }: { role: NetworkRole }) {
  const t = useT();
  return (
    <Badge color={role === 'leader' ? 'orange' : 'yellow'} variant="filled">
      {t(`networkRole.${role}`)}
    </Badge>
  );
}

/** Small outline badges for school levels. */
export function LevelBadges({ levels }: { levels: SchoolLevel[] }) {
  const t = useT();
  return (
    <>
      {levels.map((l) => (
        <Badge key={l} size="sm" variant="outline" color="gray">
          {t(`level.${l}`)}
        </Badge>
      ))}
    </>
  );
}
