import '../locale';
import { FileExcelOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Drawer, Flex, Grid, Segmented, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { paths, useAppHref } from '../../../lib/paths';
import { useViewer, writesSomewhere } from '../../../lib/viewer';
import { useCreateMember } from '../api/member-mutations';
import { MemberForm } from '../components/member-form';
import type { CreateMemberInput } from '../../../gql/graphql';
import { QueryError } from '../../../components/ui/query-error';
import { useAsOf } from '../../../lib/as-of';
import { useFormat } from '../../../lib/use-format';
import { useExportMembers } from '../api/export-members';
import { useMembers, type MembersParams } from '../api/get-members';
import { useErrorMessage } from '../../../lib/use-error-message';
import { MemberFilters, type MemberFilterValues } from '../components/member-filters';
import { ColumnChooser, useMemberColumns } from '../components/member-columns';
import { MembersTable, PAGE_SIZES } from '../components/members-table';
import { SavedFilters } from '../components/saved-filters';
import { isOneOf } from '../../../lib/url-params';
import { MEMBER_STATUSES, NAME_ORDERS, PROBATION_STATES, type NameOrder } from '../../../lib/domain';
import { useStoredChoice } from '../../../lib/stored-choice';

// All list state is in the URL: ?q=&status=FULL,PROBATIONARY&org=&probation=DUE&page=2&size=50(&asOf=)
const parseList = <T extends string>(raw: string | null, allowed: readonly T[]): T[] =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is T => isOneOf(allowed, s));

const parsePositive = (raw: string | null, fallback: number) => {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

export const MembersRoute = () => {
  const { t } = useTranslation();
  const f = useFormat();
  const { asOf } = useAsOf();
  const [params, setParams] = useSearchParams();

  const filters: MemberFilterValues = useMemo(
    () => ({
      search: params.get('q') ?? '',
      statuses: parseList(params.get('status'), MEMBER_STATUSES),
      organisationId: params.get('org') || null,
      probation: parseList(params.get('probation'), PROBATION_STATES),
    }),
    [params],
  );
  const size = parsePositive(params.get('size'), 50);
  const pageSize = (PAGE_SIZES as readonly number[]).includes(size) ? size : 50;
  const page = parsePositive(params.get('page'), 1);

  // the list's order is the user's choice, kept in this browser: by given name (as Vietnamese lists are) by default
  const [order, setOrder] = useStoredChoice<NameOrder>('chibo.members.order', NAME_ORDERS, 'GIVEN_NAME');
  // the columns shown and the saved filters are each user's own, kept in this browser
  const [columns, setColumns] = useMemberColumns();
  const phone = Grid.useBreakpoint().xs === true; // a phone shows name, cell and status only (members-table.tsx)
  const queryParams: MembersParams = { ...filters, order, offset: (page - 1) * pageSize, limit: pageSize, asOf };
  const query = useMembers(queryParams);
  const exportMembers = useExportMembers();
  const { message: toast } = App.useApp();
  const { message: errorMessage } = useErrorMessage();
  const viewer = useViewer();
  const create = useCreateMember();
  const [adding, setAdding] = useState(false);
  const navigate = useNavigate();
  const href = useAppHref();
  // who may add: administrators and writers of some organisation (the API checks the chosen cell)
  const mayAdd = writesSomewhere(viewer.data);

  const update = (patch: Record<string, string | null>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });

  const onFilterChange = (patch: Partial<MemberFilterValues>) => {
    const p: Record<string, string | null> = { page: null }; // a new filter starts at page 1
    if (patch.search !== undefined) p.q = patch.search;
    if (patch.statuses !== undefined) p.status = patch.statuses.join(',');
    if (patch.organisationId !== undefined) p.org = patch.organisationId;
    if (patch.probation !== undefined) p.probation = patch.probation.join(',');
    update(p);
  };
  // a saved filter replaces every filter at once, from page 1
  const applyFilters = (v: MemberFilterValues) =>
    update({
      q: v.search || null,
      status: v.statuses.join(',') || null,
      org: v.organisationId,
      probation: v.probation.join(',') || null,
      page: null,
    });

  return (
    <div className="section-gap">
      <title>{t('app.pageTitle', { page: t('members.title') })}</title>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('members.title')}
        </Typography.Title>
        <Flex gap={8} wrap>
          {mayAdd && (
            <Button
              type="primary"
              icon={<UserAddOutlined aria-hidden />}
              onClick={() => {
                create.reset();
                setAdding(true);
              }}
              data-testid="member-add"
            >
              {t('memberForm.add')}
            </Button>
          )}
          <Button
            icon={<FileExcelOutlined />}
            loading={exportMembers.isPending}
            data-testid="members-export"
            onClick={() =>
              exportMembers.mutate(
                { params: queryParams, fileName: `dang-vien-${asOf}.xlsx` },
                { onError: (e) => void toast.error(errorMessage(e)) },
              )
            }
          >
            {t('members.export')}
          </Button>
        </Flex>
      </Flex>
      <Drawer
        open={adding}
        onClose={() => setAdding(false)}
        title={t('memberForm.addTitle')}
        size="large"
        destroyOnHidden
      >
        <MemberForm
          cellId={filters.organisationId}
          submitting={create.isPending}
          error={create.error}
          onCancel={() => setAdding(false)}
          onSubmit={(input) =>
            create.mutate(input as CreateMemberInput, {
              onSuccess: (created) => {
                setAdding(false);
                void toast.success(t('memberForm.created', { name: created.fullName }));
                void navigate(href(paths.member(created.id)));
              },
            })
          }
        />
      </Drawer>
      <Card size="small">
        <MemberFilters
          values={filters}
          asOf={asOf}
          searching={query.isFetching}
          onChange={onFilterChange}
          onReset={() => update({ q: null, status: null, org: null, probation: null, page: null })}
          actions={<SavedFilters current={filters} onApply={applyFilters} />}
        />
      </Card>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Card size="small">
          <Flex justify="space-between" align="center" wrap gap={8}>
            <p className="members-total" role="status" aria-live="polite" data-testid="members-total">
              {query.data ? t('members.total', { total: f.number(query.data.total) }) : t('app.loading')}
            </p>
            <Flex align="center" gap={8} wrap>
              {!phone && <ColumnChooser value={columns} onChange={setColumns} />}
              <span id="members-order-label">{t('members.order.label')}</span>
              <Segmented<NameOrder>
                aria-labelledby="members-order-label"
                data-testid="members-order"
                value={order}
                onChange={(v) => {
                  setOrder(v);
                  update({ page: null });
                }}
                options={NAME_ORDERS.map((o) => ({ value: o, label: t(`members.order.${o}`) }))}
              />
            </Flex>
          </Flex>
          <MembersTable
            items={query.data?.items ?? []}
            total={query.data?.total ?? 0}
            page={page}
            pageSize={pageSize}
            columns={columns}
            loading={query.isFetching}
            onPageChange={(nextPage, nextSize) =>
              update({
                page: nextSize !== pageSize || nextPage === 1 ? null : String(nextPage),
                size: nextSize === 50 ? null : String(nextSize),
              })
            }
          />
        </Card>
      )}
    </div>
  );
};
