import { useQueries, useQueryClient } from '@tanstack/react-query';
import { Suspense, useCallback, useEffect, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { lazyWithAntd } from '../../../app/antd-lazy';
import { LightAlert, LightSpin } from '../../../components/ui/light';
import { LightButton } from '../../../components/ui/light-button';
import { LightIcon } from '../../../components/ui/light-icon';
import { withFeedback } from '../../../lib/feedback';
import { paths, useAppHref } from '../../../lib/paths';
import { useErrorMessage } from '../../../lib/use-error-message';
import { organisationChildrenQueryOptions, organisationPathQueryOptions } from '../api/get-organisation-children';
import { useScopeRoots } from '../api/get-scope-roots';
import type { OrganisationNode } from '../api/get-organisation-children';
import type { IsoDate } from '../../../lib/domain';

// an empty scope (a new install): antd's empty state, loaded only then (the first-run page loads antd too)
const TreeEmpty = lazyWithAntd(() => import('antd/es/empty').then((m) => m.default));

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

  const [loadingIds, setLoadingIds] = useState<string[]>([]);
  const toggle = async (id: string) => {
    if (expandedKeys.includes(id)) {
      setExpandedKeys((prev) => prev.filter((k) => k !== id));
      return;
    }
    setExpandedKeys((prev) => [...prev, id]);
    if (loadedIds.includes(id)) return;
    setLoadingIds((prev) => [...prev, id]);
    try {
      await loadChildren(id);
    } catch (error) {
      // fold the node back so that expanding it again retries
      setExpandedKeys((prev) => prev.filter((k) => k !== id));
      const text = errorText(error);
      withFeedback(({ message }) => void message.error(text));
    } finally {
      setLoadingIds((prev) => prev.filter((k) => k !== id));
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

  if (roots.isPending) return <LightSpin description={t('app.loading')} />;
  if (roots.isError) {
    return (
      <LightAlert
        type="error"
        title={errorText(roots.error)}
        action={
          <LightButton size="small" onClick={() => void roots.refetch()}>
            {t('common.retry')}
          </LightButton>
        }
      />
    );
  }
  if (roots.data.length === 0) {
    return (
      <Suspense fallback={null}>
        <TreeEmpty description={t('organisation.tree.empty')} />
      </Suspense>
    );
  }

  // antd's `<Tree showLine blockNode>` in look (styles.css, `light-tree`) without its code: the WAI-ARIA tree pattern
  // (nested `treeitem`s with `aria-expanded` and `aria-selected`, `group`s of children), each name a link; the keys:
  // ↑/↓ between the names shown, → opens (or goes to the first child), ← closes (or goes to the parent).
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const links = [...e.currentTarget.querySelectorAll<HTMLAnchorElement>('.light-tree__link')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    const item = links[at]?.closest<HTMLElement>('[role=treeitem]');
    const id = item?.dataset.id ?? '';
    const move = (to: number) => links[Math.max(0, Math.min(links.length - 1, to))]?.focus();
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(links.length - 1);
    else if (e.key === 'ArrowRight' && item?.getAttribute('aria-expanded') === 'false') void toggle(id);
    else if (e.key === 'ArrowRight' && item?.getAttribute('aria-expanded') === 'true') move(at + 1);
    else if (e.key === 'ArrowLeft' && item?.getAttribute('aria-expanded') === 'true') void toggle(id);
    else if (e.key === 'ArrowLeft')
      item?.parentElement
        ?.closest<HTMLElement>('[role=treeitem]')
        ?.querySelector<HTMLAnchorElement>('.light-tree__link')
        ?.focus();
    else return;
    e.preventDefault();
  };
  const node = (n: OrganisationNode, level: number): ReactNode => {
    const leaf = n.childCount === 0;
    const open = !leaf && expandedKeys.includes(n.id) && Boolean(childrenOf[n.id]);
    const loading = loadingIds.includes(n.id);
    const selected = n.id === selectedId;
    return (
      <li
        key={n.id}
        role="treeitem"
        data-id={n.id}
        aria-level={level}
        aria-expanded={leaf ? undefined : open}
        aria-selected={selected}
        aria-busy={loading || undefined}
        className="light-tree__node"
      >
        <div
          className={selected ? 'light-tree__row is-selected' : 'light-tree__row'}
          style={{ paddingInlineStart: (level - 1) * 24 }}
        >
          {leaf ? (
            <span className="light-tree__switcher is-leaf" aria-hidden />
          ) : (
            <span className="light-tree__switcher" aria-hidden onClick={() => void toggle(n.id)}>
              {loading ? (
                <span className="light-btn__spinner" />
              ) : (
                <LightIcon name={open ? 'MinusSquare' : 'PlusSquare'} />
              )}
            </span>
          )}
          <Link
            to={href(paths.organisation(n.id))}
            onClick={onNavigate}
            title={t(`organisation.kind.${n.kind}`)}
            className="light-tree__link"
          >
            {n.name}
          </Link>
        </div>
        {open && (
          <ul role="group" className="light-tree__group">
            {(childrenOf[n.id] ?? []).map((c) => node(c, level + 1))}
          </ul>
        )}
      </li>
    );
  };
  return (
    <ul role="tree" aria-labelledby={labelledBy} className="light-tree" onKeyDown={onKeyDown}>
      {roots.data.map((r) => node(r, 1))}
    </ul>
  );
};
