import { Button, Card, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FigureStat } from '../../../components/figure-stat';
import { figureTone, NONE_BEHIND } from '../../../lib/domain';
import { useFormat } from '../../../lib/use-format';
import type { InspectionTarget } from '../api/get-target';
import type { TargetFilter } from '../api/keys';

type Props = { data: InspectionTarget; filter: TargetFilter; onOpen: (filter: TargetFilter) => void };

/**
 * "229/321 chi bộ đạt chỉ tiêu (71,33%)": every number opens the list of cells behind it (the `cells` filter in
 * the URL), so a reader can check each figure against its rows.
 */
export const TargetSummary = ({ data, filter, onOpen }: Props) => {
  const { t } = useTranslation();
  const f = useFormat();
  const none = t('common.none');
  const offPace = data.subjectCount - data.projectedMetCount;

  // coloured by meaning (figureTone): red for cells behind or off pace when there are any, else the text colour
  const behind = (value: number) => figureTone(value, NONE_BEHIND) === 'behind';
  const figure = (
    target: TargetFilter,
    value: number,
    label: string,
    testId: string,
    tone: 'behind' | 'neutral' = 'neutral',
  ) => (
    <Button
      color={tone === 'behind' ? 'danger' : 'default'}
      variant="link"
      className="figure-link"
      data-tone={tone}
      aria-pressed={filter === target}
      aria-label={label}
      onClick={() => onOpen(target)}
      data-testid={testId}
    >
      {f.number(value)}
    </Button>
  );

  const stat = (key: string, title: string, value: ReactNode, extra?: ReactNode) => (
    <FigureStat key={key} title={title} value={value} extra={extra} />
  );

  return (
    <div data-testid="target-summary" className="section-gap">
      <Card size="small">
        <p className="target-headline" data-testid="target-headline">
          {figure('MET', data.metCount, t('inspections.tracker.openMet', { count: data.metCount }), 'target-met')}
          <span aria-hidden style={{ fontSize: 28, fontWeight: 600 }}>
            /
          </span>
          {figure(
            'ALL',
            data.subjectCount,
            t('inspections.tracker.openAll', { count: data.subjectCount }),
            'target-subjects',
          )}{' '}
          {t('inspections.tracker.cellsMet')}{' '}
          <span data-testid="target-percent">({data.percent === null ? none : f.percent(data.percent)})</span>
        </p>
        <Typography.Text type="secondary">
          {t('inspections.tracker.rule', { date: f.date(data.referenceDate) })}
        </Typography.Text>
      </Card>
      <Row gutter={[12, 12]}>
        {stat(
          'behind',
          t('inspections.tracker.behindCount'),
          figure(
            'BEHIND',
            data.behindCount,
            t('inspections.tracker.openBehind', { count: data.behindCount }),
            'target-behind',
            behind(data.behindCount) ? 'behind' : 'neutral',
          ),
        )}
        {stat(
          'projected',
          t('inspections.tracker.projected'),
          figure(
            'ON_PACE',
            data.projectedMetCount,
            t('inspections.tracker.openOnPace', { count: data.projectedMetCount }),
            'target-on-pace',
          ),
          t('inspections.tracker.projectedOf', {
            total: f.number(data.subjectCount),
            percent: data.projectedPercent === null ? none : f.percent(data.projectedPercent),
          }),
        )}
        {stat(
          'offPace',
          t('inspections.tracker.offPace'),
          figure(
            'OFF_PACE',
            offPace,
            t('inspections.tracker.openOffPace', { count: offPace }),
            'target-off-pace',
            behind(offPace) ? 'behind' : 'neutral',
          ),
        )}
        {stat(
          'concluded',
          t('inspections.tracker.concludedTotal'),
          <span className="figure-plain">{f.number(data.concludedTotal)}</span>,
        )}
      </Row>
    </div>
  );
};
