import { BarChartOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FilterForm } from '../../../components/filter-form';
import { OrganisationPicker } from '../../../components/organisation-picker';
import { organisationNameQueryOptions } from '../../../components/organisation-link';
import { QueryError } from '../../../components/ui/query-error';
import { useAsOf } from '../../../lib/as-of';
import { paths, useAppHref, withParams } from '../../../lib/paths';
import { useUrlParams } from '../../../lib/url-params';
import { useFormat } from '../../../lib/use-format';
import { useCanActFor } from '../api/get-bodies';
import { useRatingRounds } from '../api/get-rounds';
import { useDefaultOrganisationId } from '../../../lib/scope-roots';
import type { RatingRound } from '../api/fields';
import { AnnounceButton } from '../components/announce-button';
import { OpenRoundDialog } from '../components/open-round-dialog';
import { RoundStateTag } from '../components/rating-tags';
import { RoundProgress } from '../components/round-progress';
import { YearSelect } from '../components/year-select';

// /ratings/rounds?org=<id>&year=YYYY: the rating rounds an organisation opened (for its whole subtree), their
// progress by step, and for its writers: open a round, announce one.
export const RatingRoundsRoute = () => {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useAppHref();
  const { asOf } = useAsOf();
  const { params, update } = useUrlParams();
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 1930 ? yearParam : null;
  const orgParam = params.get('org');
  const root = useDefaultOrganisationId(asOf, !orgParam);
  const orgId = orgParam ?? root.data ?? null;
  const rounds = useRatingRounds(orgId, year, Boolean(orgId));
  const orgName = useQuery({ ...organisationNameQueryOptions(orgId ?? '', asOf), enabled: Boolean(orgId) });
  const canAct = useCanActFor([orgId], asOf);
  const [openDialog, setOpenDialog] = useState(false);
  const writes = canAct(orgId);

  return (
    <div className="section-gap">
      <title>{t('app.pageTitle', { page: t('ratings.rounds.title') })}</title>
      <Flex wrap gap={12} align="center" justify="space-between">
        <div>
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
            {t('ratings.rounds.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('ratings.rounds.subtitle')}</Typography.Text>
        </div>
        <Flex wrap gap={8}>
          <Link to={withParams(href(paths.ratings), { org: orgId, year: year ? String(year) : null })}>
            <Button icon={<BarChartOutlined aria-hidden />}>{t('ratings.rounds.figuresLink')}</Button>
          </Link>
          {writes && orgId && (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setOpenDialog(true)}
              data-testid="open-round"
            >
              {t('ratings.rounds.open')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Card size="small">
        <FilterForm
          fields={[
            {
              id: 'rounds-org',
              label: t('ratings.organisation'),
              md: 16,
              control: (
                <OrganisationPicker
                  key={asOf}
                  id="rounds-org"
                  asOf={asOf}
                  value={orgId}
                  onChange={(id) => update({ org: id })}
                />
              ),
            },
            {
              id: 'rounds-year',
              label: t('ratings.year'),
              md: 8,
              control: (
                <YearSelect
                  id="rounds-year"
                  allowAll
                  value={year}
                  onChange={(y) => update({ year: y ? String(y) : null })}
                />
              ),
            },
          ]}
        />
      </Card>
      {rounds.isError ? (
        <QueryError error={rounds.error} onRetry={() => void rounds.refetch()} />
      ) : !rounds.data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <Card size="small">
          <Table<RatingRound>
            rowKey="id"
            size="middle"
            dataSource={rounds.data}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: 900 }}
            locale={{ emptyText: t('ratings.rounds.empty') }}
            data-testid="rounds-table"
            columns={[
              {
                key: 'title',
                title: t('ratings.rounds.round'),
                render: (_, r) => (
                  <div>
                    <Link to={href(paths.ratingRound(r.id))} data-testid="round-link" data-year={r.year}>
                      {r.title}
                    </Link>
                    <div>
                      <Typography.Text type="secondary">
                        {r.year} · {t(`ratings.periodKind.${r.periodKind}`)}
                        {r.periodLabel ? ` ${r.periodLabel}` : ''}
                      </Typography.Text>
                    </div>
                  </div>
                ),
              },
              { key: 'state', title: t('ratings.rounds.state'), render: (_, r) => <RoundStateTag state={r.state} /> },
              {
                key: 'due',
                title: t('ratings.rounds.deadlines'),
                width: 220,
                render: (_, r) => (
                  <Typography.Text type="secondary">
                    {t('ratings.rounds.deadlineLine', {
                      self: f.date(r.selfAssessmentDue),
                      proposal: f.date(r.proposalDue),
                      decision: f.date(r.decisionDue),
                    })}
                  </Typography.Text>
                ),
              },
              {
                key: 'progress',
                title: t('ratings.rounds.progress'),
                render: (_, r) => <RoundProgress round={r} compact />,
              },
              {
                key: 'actions',
                title: '',
                render: (_, r) => (writes && r.state === 'OPEN' ? <AnnounceButton round={r} size="small" /> : null),
              },
            ]}
          />
        </Card>
      )}
      {orgId && (
        <OpenRoundDialog
          organisationId={orgId}
          organisationName={orgName.data ?? ''}
          open={openDialog}
          onClose={() => setOpenDialog(false)}
        />
      )}
    </div>
  );
};
