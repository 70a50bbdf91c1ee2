import { ORG_TYPES } from '@shared/enums';
import type { OrgTreeNode } from '@shared/types';

export interface OrgTreeModel {
  roots: OrgTreeNode[];
  children: Map<string, OrgTreeNode[]>;
}

const typeOrder = new Map<string, number>(ORG_TYPES.map((type, i) => [type, i]));

function compare(a: OrgTreeNode, b: OrgTreeNode): number {
  return (typeOrder.get(a.type) ?? 0) - (typeOrder.get(b.type) ?? 0) || a.name.localeCompare(b.name, 'vi');
}

/** Turns the flat node list into roots and a children map, sorted by type then Vietnamese name order. */
export function buildTree(nodes: OrgTreeNode[]): OrgTreeModel {
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<string, OrgTreeNode[]>();
  const roots: OrgTreeNode[] = [];
  for (const node of nodes) {
    if (node.parentId && ids.has(node.parentId)) {
      const list = children.get(node.parentId) ?? [];
      list.push(node);
      children.set(node.parentId, list);
    } else {
      roots.push(node);
    }
  }
  roots.sort(compare);
  for (const list of children.values()) list.sort(compare);
  return { roots, children };
}

/** The ids expanded at first: the roots, and their children too when the tree is small. */
export function initialExpanded(model: OrgTreeModel, total: number): Set<string> {
  const open = new Set(model.roots.map((r) => r.id));
  if (total <= 300) {
    for (const root of model.roots) for (const child of model.children.get(root.id) ?? []) if (child.type !== 'school') open.add(child.id);
  }
  return open;
}
