import { ActionIcon, Badge, Group, Text } from '@mantine/core';
import type { OrgTreeNode } from '@shared/types';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { LevelBadges } from '../../components/Badges';
import { AnchorLink } from '../../components/links';
import { OrgTypeIcon } from '../../components/OrgTypeIcon';
import { useT } from '../../i18n/context';

interface Props {
  node: OrgTreeNode;
  depth: number;
  childCount: number;
  expanded: boolean;
  onToggle: (id: string) => void;
}

/** One line of the org tree: expand button, type icon, name link, levels, number of children. */
export function OrgTreeRow({ node, depth, childCount, expanded, onToggle }: Props) {
  const t = useT();
  return (
    <Group
      gap={6}
      wrap="nowrap"
      className="lt-tree-row"
      py={4}
      pr="xs"
      style={{ paddingLeft: `calc(${Math.min(depth, 6)} * 1.1rem)`, borderRadius: 'var(--mantine-radius-sm)' }}
      data-testid={`tree-node-${node.id}`}
      data-org-type={node.type}
      data-depth={depth}
    >
      {childCount > 0 ? (
        <ActionIcon
          variant="subtle"
          color="gray"
          size={36}
          onClick={() => onToggle(node.id)}
          aria-expanded={expanded}
          aria-label={t(expanded ? 'orgs.collapse' : 'orgs.expand', { name: node.name })}
          data-testid={`tree-toggle-${node.id}`}
        >
          {expanded ? <IconChevronDown size={18} /> : <IconChevronRight size={18} />}
        </ActionIcon>
      ) : (
        <span style={{ width: 36, flexShrink: 0 }} />
      )}
      <OrgTypeIcon type={node.type} />
      <Group gap={6} style={{ minWidth: 0, flex: 1 }} wrap="wrap">
        <AnchorLink
          to="/orgs/$orgId"
          params={{ orgId: node.id }}
          fw={node.type === 'team' ? 400 : 500}
          style={{ overflowWrap: 'anywhere' }}
        >
          {node.name}
        </AnchorLink>
        <Text size="xs" c="dimmed" visibleFrom="sm">
          {t(`orgType.${node.type}`)}
        </Text>
        <LevelBadges levels={node.levels} />
      </Group>
      {childCount > 0 && (
        <Badge
          variant="light"
          color="gray"
          size="sm"
          aria-label={t('orgs.childCount', { count: childCount })}
          title={t('orgs.childCount', { count: childCount })}
        >
          {childCount}
        </Badge>
      )}
    </Group>
  );
}
