import { Alert, App, Button, Empty, Spin, Tree, type TreeDataNode, type TreeProps } from 'antd';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { paths, useAppHref } from '../../../lib/paths';
import { useErrorMessage } from '../../../lib/use-error-message';
import { organisationChildrenQueryOptions, organisationPathQueryOptions } from '../api/get-organisation-children';
import { useScopeRoots } from '../api/get-scope-roots';
import type { OrganisationNode } from '../api/get-organisation-children';
import type { IsoDate } from '../../../lib/domain';

type Props = {
  asOf: IsoDate;
  selectedId: string | null;
  labelledBy: string;
  onNavigate?: () => void;
};

/** Lazily loaded organisation tree: roots from scopeRoots, children fetched when a node is expanded. */
export const OrganisationTree = ({ asOf, selectedId, labelledBy, onNavigate }: Props) => {
  const { t } = useTranslation();
  const href = useAppHref();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { message: errorText } = useErrorMessage();
  const roots = useScopeRoots(asOf);
  const [loadedIds, setLoadedIds] = useState<string[]>([]);
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  // The children of every opened node are read from the query cache, so a write that invalidates them (a new,
  // renamed, moved or dissolved organisation) shows in the tree without reloading the page.
  const loaded = useQueries({ queries: loadedIds.map((id) => organisationChildrenQueryOptions(id, asOf)) });
  const childrenOf = useMemo(() => {
    const out: Record<string, OrganisationNode[]> = {};
    loadedIds.forEach((id, i) => {
      const data = loaded[i]?.data;
      if (data) out[id] = data;
    });
    return out;
  }, [loadedIds, loaded]);

  const loadChildren = useCallback(
    async (id: string) => {
      await queryClient.fetchQuery(organisationChildrenQueryOptions(id, asOf));
      setLoadedIds((prev) => (prev.includes(id) ? prev : [...prev, id]));
    },
    [queryClient, asOf],
  );

  const onLoadData: TreeProps['loadData'] = async (node) => {
    const id = String(node.key);
    try {
      await loadChildren(id);
    } catch (error) {
      // fold the node back so that expanding it again retries
      setExpandedKeys((prev) => prev.filter((k) => k !== id));
      void message.error(errorText(error));
    }
  };

  // Unfold the tree down to the organisation that is open in the page.
  useEffect(() => {
    if (!selectedId) return;
    let cancelled = false;
    const unfold = async () => {
      const ancestors = await queryClient.fetchQuery(organisationPathQueryOptions(selectedId, asOf));
      await Promise.all(ancestors.map(loadChildren));
      if (!cancelled) setExpandedKeys((prev) => Array.from(new Set([...prev, ...ancestors])));
    };
    unfold().catch(() => {
      // the page shows its own error for an organisation it cannot load
    });
    return () => {
      cancelled = true;
    };
  }, [selectedId, asOf, queryClient, loadChildren]);

  const treeData = useMemo(() => {
    const build = (nodes: OrganisationNode[]): TreeDataNode[] =>
      nodes.map((n) => ({
        key: n.id,
        isLeaf: n.childCount === 0,
        title: (
          <Link to={href(paths.organisation(n.id))} onClick={onNavigate} title={t(`organisation.kind.${n.kind}`)}>
            {n.name}
          </Link>
        ),
        children: childrenOf[n.id] ? build(childrenOf[n.id]) : undefined,
      }));
    return build(roots.data ?? []);
  }, [roots.data, childrenOf, href, onNavigate, t]);

  if (roots.isPending) return <Spin size="small" description={t('app.loading')} />;
  if (roots.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={errorText(roots.error)}
        action={
          <Button size="small" onClick={() => void roots.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (roots.data.length === 0) return <Empty description={t('organisation.tree.empty')} />;

  return (
    <Tree
      aria-labelledby={labelledBy}
      blockNode
      showLine
      treeData={treeData}
      loadData={onLoadData}
      loadedKeys={Object.keys(childrenOf)}
      expandedKeys={expandedKeys}
      onExpand={(keys) => setExpandedKeys(keys.map(String))}
      selectedKeys={selectedId ? [selectedId] : []}
      onSelect={(_, info) => {
        // the title is a link (which navigates by itself); this covers the rest of the row and the keyboard
        const target = info.nativeEvent?.target;
        if (target instanceof Element && target.closest('a')) return;
        void navigate(href(paths.organisation(String(info.node.key))));
        onNavigate?.();
      }}
    />
  );
};
