import { Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryError } from '../../../components/ui/query-error';
import type { RatingSubjectKind } from '../../../lib/domain';
import { paths, useAppHref } from '../../../lib/paths';
import { useFormat } from '../../../lib/use-format';
import { FIGURE_ROWS_PAGE_SIZE, useFigureRows } from '../api/get-figures';
import type { FigureRow } from '../api/get-figures';
import type { FiguresParams } from '../api/keys';
import { figureFilter, type FigureListKey } from '../utils/figure-filter';
import { LevelTag } from './rating-tags';

type Props = {
  /** The figures' organisation and tree date; `year` is the year the number counts (this year or the previous one). */
  params: FiguresParams;
  list: { subjectKind: RatingSubjectKind; key: FigureListKey } | null;
  onClose: () => void;
};

/** The subjects behind one number, with their total: the same filter the number counts, so the two always agree. */
export const FigureRowsDialog = ({ params, list, onClose }: Props) => {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useAppHref();
  const [page, setPage] = useState(1);
  const filter = list ? figureFilter(list.subjectKind, list.key) : null;
  const rows = useFigureRows(list ? params : null, filter, page);
  const what = !list
    ? ''
    : list.key === 'all'
      ? t('ratings.figures.total')
      : list.key === 'rated'
        ? t('ratings.figures.rated')
        : list.key === 'notRated'
          ? t('ratings.figures.notRated')
          : list.key.join(', ');

  return (
    <Modal
      open={Boolean(list)}
      title={
        list
          ? t('ratings.rows.title', { kind: t(`ratings.subjectKind.${list.subjectKind}`), what, year: params.year })
          : ''
      }
      footer={null}
      width={880}
      destroyOnHidden
      onCancel={onClose}
      afterClose={() => setPage(1)}
    >
      {rows.isError ? (
        <QueryError error={rows.error} onRetry={() => void rows.refetch()} />
      ) : (
        <div data-testid="figure-rows">
          <p>
            <strong data-testid="figure-rows-total" data-total={rows.data?.total ?? ''}>
              {rows.data ? t('ratings.rows.total', { n: f.number(rows.data.total) }) : t('app.loading')}
            </strong>
          </p>
          <Table<FigureRow>
            rowKey={(r) => r.ratingId ?? `${r.memberId ?? r.subjectOrganisationId}`}
            size="small"
            loading={rows.isFetching}
            dataSource={rows.data?.items ?? []}
            scroll={{ x: 640 }}
            locale={{ emptyText: t('ratings.rows.empty') }}
            pagination={{
              current: page,
              pageSize: FIGURE_ROWS_PAGE_SIZE,
              total: rows.data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              onChange: setPage,
            }}
            columns={[
              {
                key: 'n',
                title: '#',
                width: 56,
                render: (_, __, i) => f.number((page - 1) * FIGURE_ROWS_PAGE_SIZE + i + 1),
              },
              {
                key: 'name',
                title: t('ratings.rows.name'),
                render: (_, r) =>
                  r.memberId ? (
                    <Link to={href(paths.member(r.memberId))}>{r.name}</Link>
                  ) : r.subjectOrganisationId ? (
                    <Link to={href(paths.organisation(r.subjectOrganisationId))}>{r.name}</Link>
                  ) : (
                    r.name
                  ),
              },
              { key: 'org', title: t('ratings.rows.organisation'), render: (_, r) => r.organisationName },
              {
                key: 'result',
                title: t('ratings.rows.result'),
                render: (_, r) =>
                  r.level ? (
                    <div>
                      <LevelTag level={r.level} />
                      {r.rawLabel && (
                        <div>
                          <Typography.Text type="secondary">
                            {t('ratings.rows.rawLabel', { label: r.rawLabel })}
                          </Typography.Text>
                        </div>
                      )}
                    </div>
                  ) : (
                    <Typography.Text type="secondary">
                      {t('ratings.rows.notRatedReason', {
                        reason: r.notRatedReason
                          ? t(`ratings.notRatedReason.${r.notRatedReason as 'EXEMPT'}`, {
                              defaultValue: r.notRatedReason,
                            })
                          : t('common.none'),
                      })}
                    </Typography.Text>
                  ),
              },
            ]}
          />
        </div>
      )}
    </Modal>
  );
};
