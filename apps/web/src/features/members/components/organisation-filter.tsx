import { useQueryClient } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { foldVietnamese, type IsoDate } from '../../../lib/domain';
import { organisationOptionsQueryOptions, useOrganisationName, useOrganisationOptions } from '../api/get-organisation-options';
import type { OrganisationOption } from '../api/get-organisation-options';

type Props = {
  id: string;
  asOf: IsoDate;
  value: string | null;
  onChange: (organisationId: string | null) => void;
};

type SimpleNode = { id: string; pId: string | null; value: string; title: string; isLeaf: boolean };

const toNode = (o: OrganisationOption, pId: string | null): SimpleNode => ({
  id: o.id,
  pId,
  value: o.id,
  title: o.name,
  isLeaf: o.childCount === 0,
});

/** Organisation subtree filter: a lazily loaded tree select; the selection comes from ?org=. */
export const OrganisationFilter = ({ id, asOf, value, onChange }: Props) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roots = useOrganisationOptions(null, asOf);
  const selectedName = useOrganisationName(value, asOf);
  const [loaded, setLoaded] = useState<Record<string, SimpleNode[]>>({});

  const loadData = useCallback(
    async (node: { value?: string | number | null }) => {
      const parentId = String(node.value);
      if (loaded[parentId]) return;
      const children = await queryClient.fetchQuery(organisationOptionsQueryOptions(parentId, asOf));
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
      allowClear
      showSearch
      treeDataSimpleMode
      treeData={treeData}
      loadData={loadData}
      loading={roots.isPending}
      labelInValue
      value={value ? { value, label: selectedName.data ?? t('app.loading') } : undefined}
      placeholder={t('members.organisationPlaceholder')}
      treeNodeFilterProp="title"
      filterTreeNode={(input, node) => foldVietnamese(String(node.title ?? '')).includes(foldVietnamese(input))}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
      onChange={(v: { value: string; label?: ReactNode } | undefined) => onChange(v?.value ?? null)}
    />
  );
};
