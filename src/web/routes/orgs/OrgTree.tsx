import { Button, Group } from '@mantine/core';
import type { OrgTreeNode } from '@shared/types';
import { IconArrowsMaximize, IconArrowsMinimize } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Empty } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { OrgTreeRow } from './OrgTreeRow';
import { buildTree, initialExpanded, type OrgTreeModel } from './treeModel';

function Branch({
  nodes,
  model,
  depth,
  open,
  toggle,
}: {
  nodes: OrgTreeNode[];
  model: OrgTreeModel;
  depth: number;
  open: Set<string>;
  toggle: (id: string) => void;
}) {
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {nodes.map((node) => {
        const kids = model.children.get(node.id) ?? [];
        const expanded = open.has(node.id);
        return (
          <li key={node.id}>
            <OrgTreeRow node={node} depth={depth} childCount={kids.length} expanded={expanded} onToggle={toggle} />
            {expanded && kids.length > 0 && <Branch nodes={kids} model={model} depth={depth + 1} open={open} toggle={toggle} />}
          </li>
        );
      })}
    </ul>
  );
}

/** The org tree with expand/collapse; re-initialises its open nodes when the node list changes (another date). */
export function OrgTree({ nodes }: { nodes: OrgTreeNode[] }) {
  const t = useT();
  const model = useMemo(() => buildTree(nodes), [nodes]);
  const [state, setState] = useState(() => ({ nodes, open: initialExpanded(model, nodes.length) }));
  const open = state.nodes === nodes ? state.open : initialExpanded(model, nodes.length);
  if (state.nodes !== nodes) setState({ nodes, open });

  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setState({ nodes, open: next });
  };

  if (nodes.length === 0) return <Empty>{t('orgs.emptyTree')}</Empty>;
  return (
    <div>
      <Group gap="xs" mb="xs">
        <Button
          variant="default"
          size="xs"
          leftSection={<IconArrowsMaximize size={14} />}
          onClick={() =>
            setState({ nodes, open: new Set(nodes.filter((n) => n.type !== 'school' && n.type !== 'center').map((n) => n.id)) })
          }
        >
          {t('orgs.expandAll')}
        </Button>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconArrowsMinimize size={14} />}
          onClick={() => setState({ nodes, open: new Set() })}
        >
          {t('orgs.collapseAll')}
        </Button>
      </Group>
      <Branch nodes={model.roots} model={model} depth={0} open={open} toggle={toggle} />
    </div>
  );
}
