import '../locale';
import { Button, Card, Row, Table } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FigureStat } from '../../../components/figure-stat';
import { figureTone, NONE_BEHIND } from '../../../lib/domain';
import { useFormat } from '../../../lib/use-format';
import type { DuesFigures, DuesFiguresRow } from '../api/get-dues';

type Props = {
  data: DuesFigures;
  arrearsOnly: boolean;
  onOpenArrears: (on: boolean) => void;
  onOpenOrganisation: (id: string) => void;
};

/** Owed, collected, outstanding and the members in arrears of the subtree, then one row per organisation under it. */
export const DuesSummary = ({ data, arrearsOnly, onOpenArrears, onOpenOrganisation }: Props) => {
  const { t } = useTranslation();
  const f = useFormat();
  const money = (v: number) => <span className="num">{t('dues.money', { amount: f.number(v) })}</span>;
  const { total } = data;
  // red only when members are in arrears (figureTone), else the text colour
  const arrearsTone = figureTone(total.membersInArrears, NONE_BEHIND);
  const stat = (key: string, title: string, value: ReactNode, extra?: ReactNode) => (
    <FigureStat key={key} testId={`dues-${key}`} title={title} value={value} extra={extra} />
  );
  const percent = (r: DuesFiguresRow) =>
    r.collectedPercent === null ? t('common.none') : f.percent(r.collectedPercent);

  return (
    <div className="section-gap" data-testid="dues-summary" data-org={total.organisationId} data-year={data.year}>
      <Row gutter={[12, 12]}>
        {stat(
          'due',
          t('dues.figures.due'),
          money(total.due),
          t('dues.figures.members', { count: total.members, n: f.number(total.members) }),
        )}
        {stat(
          'collected',
          t('dues.figures.collected'),
          money(total.collected),
          t('dues.figures.percent', { percent: percent(total) }),
        )}
        {stat(
          'outstanding',
          t('dues.figures.outstanding'),
          money(total.outstanding),
          total.collectedAhead > 0 ? t('dues.figures.ahead', { amount: f.number(total.collectedAhead) }) : undefined,
        )}
        {stat(
          'arrears',
          t('dues.figures.arrears'),
          <Button
            color={arrearsTone === 'behind' ? 'danger' : 'default'}
            variant="link"
            className="figure-link"
            aria-pressed={arrearsOnly}
            onClick={() => onOpenArrears(!arrearsOnly)}
            data-testid="dues-arrears-link"
            data-tone={arrearsTone}
          >
            {f.number(total.membersInArrears)}
          </Button>,
          total.membersWithoutBasis > 0
            ? t('dues.figures.withoutBasis', {
                count: total.membersWithoutBasis,
                n: f.number(total.membersWithoutBasis),
              })
            : t('dues.figures.arrearsRule'),
        )}
      </Row>
      {data.children.length > 0 && (
        <Card size="small" title={<h2 className="card-title">{t('dues.children.title')}</h2>}>
          <Table<DuesFigures['children'][number]>
            rowKey="organisationId"
            size="small"
            dataSource={data.children}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: 760 }}
            data-testid="dues-children"
            columns={[
              {
                key: 'organisation',
                title: t('dues.children.organisation'),
                render: (_, r) => (
                  <Button type="link" style={{ padding: 0 }} onClick={() => onOpenOrganisation(r.organisationId)}>
                    {r.organisation?.name ?? r.organisationId}
                  </Button>
                ),
              },
              {
                key: 'members',
                title: t('dues.children.members'),
                align: 'right',
                render: (_, r) => <span className="num">{f.number(r.members)}</span>,
              },
              { key: 'due', title: t('dues.figures.due'), align: 'right', render: (_, r) => money(r.due) },
              {
                key: 'collected',
                title: t('dues.figures.collected'),
                align: 'right',
                render: (_, r) => money(r.collected),
              },
              { key: 'percent', title: t('dues.children.percent'), align: 'right', render: (_, r) => percent(r) },
              {
                key: 'arrears',
                title: t('dues.figures.arrears'),
                align: 'right',
                render: (_, r) => <span className="num">{f.number(r.membersInArrears)}</span>,
              },
            ]}
          />
        </Card>
      )}
    </div>
  );
};
