import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { PickerChildrenQuery } from '../gql/graphql';
import type { IsoDate } from '../lib/domain';
import { foldedTreeSearch } from '../lib/folded-search';
import { request } from '../lib/graphql-client';
import { todayIso } from '../lib/as-of';
import { scopeRootsQueryOptions } from '../lib/scope-roots';
import { organisationNameQueryOptions } from './organisation-link';

// The organisation picker of every filter (member list, compliance, visit report, calendar, dashboard, …): a lazily
// loaded tree of the caller's scope. Shared here, with its own small queries: features do not import each other.

type Option = PickerChildrenQuery['organisation']['children'][number];

const CHILDREN = graphql(`
  query PickerChildren($id: ID!, $asOf: Date) {
    organisation(id: $id, asOf: $asOf) { id children { id name childCount } }
  }
`);

const childrenQuery = (parentId: string, asOf: IsoDate) =>
  queryOptions({
    queryKey: ['organisations', 'picker', { parentId, asOf }] as const,
    queryFn: ({ signal }) => request(CHILDREN, { id: parentId, asOf }, { signal }).then((d) => d.organisation.children),
  });

type SimpleNode = { id: string; pId: string | null; value: string; title: string; isLeaf: boolean };
const toNode = (o: Option, pId: string | null): SimpleNode => ({
  id: o.id,
  pId,
  value: o.id,
  title: o.name,
  isLeaf: o.childCount === 0,
});

type Props = {
  id: string;
  asOf: IsoDate;
  value: string | null;
  onChange: (organisationId: string | null) => void;
  allowClear?: boolean;
  placeholder?: string;
  /** focused and open at once (it replaces a light field, filter-fields.tsx) */
  autoFocus?: boolean;
};

export const OrganisationPicker = ({
  id,
  asOf,
  value,
  onChange,
  allowClear = false,
  placeholder,
  autoFocus,
}: Props) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roots = useQuery(scopeRootsQueryOptions(asOf)); // the same query as the side menu's tree
  // a root's name is already known; any other organisation's is asked for once the roots are in
  const rootName = roots.data?.find((r) => r.id === value)?.name;
  const selectedName = useQuery({
    ...organisationNameQueryOptions(value ?? '', asOf),
    enabled: Boolean(value) && roots.isSuccess && rootName === undefined,
  });
  const [loaded, setLoaded] = useState<Record<string, SimpleNode[]>>({});

  const loadData = useCallback(
    async (node: { value?: string | number | null }) => {
      const parentId = String(node.value);
      if (loaded[parentId]) return;
      const children = await queryClient.fetchQuery(childrenQuery(parentId, asOf));
      setLoaded((prev) => ({ ...prev, [parentId]: children.map((c) => toNode(c, parentId)) }));
    },
    [asOf, loaded, queryClient],
  );

  const treeData = useMemo(
    () => [...(roots.data ?? []).map((r) => toNode(r, null)), ...Object.values(loaded).flat()],
    [roots.data, loaded],
  );

  return (
    <TreeSelect
      id={id}
      allowClear={allowClear}
      showSearch={foldedTreeSearch}
      treeDataSimpleMode
      treeData={treeData}
      loadData={loadData}
      loading={roots.isPending}
      labelInValue
      value={value ? { value, label: rootName ?? selectedName.data ?? t('app.loading') } : undefined}
      placeholder={placeholder}
      popupMatchSelectWidth={false}
      autoFocus={autoFocus}
      defaultOpen={autoFocus}
      style={{ width: '100%' }}
      onChange={(v: { value: string; label?: ReactNode } | undefined) => onChange(v?.value ?? null)}
    />
  );
};

/** The picker as a form control (Form.Item passes id, value and onChange), on today's tree. */
export const OrganisationField = ({
  value,
  onChange,
  id,
  placeholder,
}: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  id?: string;
  placeholder?: string;
}) => (
  <OrganisationPicker
    id={id ?? ''}
    asOf={todayIso()}
    value={value ?? null}
    onChange={(v) => onChange?.(v)}
    placeholder={placeholder}
  />
);
