import { Button, Card, Grid, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { RATING_LEVELS, type RatingSubjectKind } from '../../../lib/domain';
import { useFormat } from '../../../lib/use-format';
import type { RatingFigureGroup } from '../api/fields';
import { encodeFigureList, type FigureListKey } from '../utils/figure-filter';

type Props = {
  group: RatingFigureGroup;
  year: number;
  /** Opens the list behind a number: its kind, which subjects, and the year it counts. */
  onOpen: (subjectKind: RatingSubjectKind, key: FigureListKey, year: number) => void;
};

type Line = {
  key: string;
  label: string;
  strong?: boolean;
  list: FigureListKey;
  count: number;
  percent: number | null | 'outside';
  prevCount: number;
  prevPercent: number | null | 'outside';
  changeCount: number;
  changePoints: number | null;
};

/**
 * One subject kind's figures in the reports' convention: each level with its count and share of those rated,
 * "HTTNV trở lên", "trong đó HTXSNV" both ways (labelled), the not rated (outside every share), the previous year
 * and the change. Every count is a button that opens the list behind it (ratingFigureRows with the same filter).
 */
export const FigureGroupCard = ({ group, year, onOpen }: Props) => {
  const { t } = useTranslation();
  const f = useFormat();
  const kind = group.subjectKind;
  const { current: c, previous: p, change } = group;
  const kindLabel = t(`ratings.subjectKind.${kind}`);
  // a phone gets three columns; the previous year and the change go under each label
  const narrow = !Grid.useBreakpoint().md;

  const signed = (n: number, text: string) => (n > 0 ? `+${text}` : text);
  const count = (n: number, list: FigureListKey, y: number, label: string) => (
    <Button
      type="link"
      size="small"
      className="figure-count"
      style={{ padding: 0, height: 'auto' }}
      data-testid="figure-count"
      data-list={encodeFigureList(kind, list)}
      data-year={y}
      aria-label={`${f.number(n)} – ${t('ratings.figures.openList', { what: `${kindLabel}, ${label} (${y})` })}`}
      onClick={() => onOpen(kind, list, y)}
    >
      {f.number(n)}
    </Button>
  );
  const pct = (v: number | null | 'outside') =>
    v === 'outside' ? (
      <Typography.Text type="secondary">{t('ratings.figures.outsideDenominator')}</Typography.Text>
    ) : v === null ? (
      t('common.none')
    ) : (
      <span data-testid="figure-percent">{f.percent(v)}</span>
    );

  const lines: Line[] = [
    ...RATING_LEVELS.map((level, i): Line => ({
      key: level,
      label: `${t(`ratings.level.${level}`)} (${level})`,
      list: [level],
      count: c.levels[i].count,
      percent: c.levels[i].percent,
      prevCount: p.levels[i].count,
      prevPercent: p.levels[i].percent,
      changeCount: change.levels[i].count,
      changePoints: change.levels[i].points,
    })),
    {
      key: 'well',
      label: t('ratings.figures.wellOrBetter'),
      strong: true,
      list: ['HTXSNV', 'HTTNV'],
      count: c.wellCompletedOrBetter.count,
      percent: c.wellCompletedOrBetter.percent,
      prevCount: p.wellCompletedOrBetter.count,
      prevPercent: p.wellCompletedOrBetter.percent,
      changeCount: change.wellCompletedOrBetter.count,
      changePoints: change.wellCompletedOrBetter.points,
    },
    {
      key: 'excellentOfWell',
      label: t('ratings.figures.excellentOfWell'),
      strong: true,
      list: ['HTXSNV'],
      count: c.levels[0].count,
      percent: c.excellentOfWellCompletedOrBetter,
      prevCount: p.levels[0].count,
      prevPercent: p.excellentOfWellCompletedOrBetter,
      changeCount: change.levels[0].count,
      changePoints: change.excellentOfWellCompletedOrBetter,
    },
    {
      key: 'excellentOfRated',
      label: t('ratings.figures.excellentOfRated'),
      list: ['HTXSNV'],
      count: c.levels[0].count,
      percent: c.excellentOfRated,
      prevCount: p.levels[0].count,
      prevPercent: p.excellentOfRated,
      changeCount: change.levels[0].count,
      changePoints: change.excellentOfRated,
    },
    {
      key: 'notRated',
      label: t('ratings.figures.notRated'),
      list: 'notRated',
      count: c.notRated,
      percent: 'outside',
      prevCount: p.notRated,
      prevPercent: 'outside',
      changeCount: c.notRated - p.notRated,
      changePoints: null,
    },
  ];

  return (
    <Card size="small" data-testid="figure-group" data-kind={kind} title={<h2 className="card-title">{kindLabel}</h2>}>
      <p style={{ marginTop: 0 }}>
        {t('ratings.figures.total')}: {count(c.total, 'all', year, t('ratings.figures.total'))} ·{' '}
        {t('ratings.figures.rated')}: {count(c.rated, 'rated', year, t('ratings.figures.rated'))}
      </p>
      {c.total === 0 && p.total === 0 ? (
        <Typography.Text type="secondary">{t('ratings.figures.noSubjects')}</Typography.Text>
      ) : (
        <Table<Line>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={lines}
          scroll={narrow ? undefined : { x: 760 }}
          rowClassName={(l) => (l.strong ? 'figure-row--strong' : '')}
          columns={[
            {
              key: 'label',
              title: t('ratings.figures.level'),
              width: narrow ? undefined : 250,
              render: (_, l) => (
                <>
                  {l.strong ? <strong>{l.label}</strong> : l.label}
                  {narrow && (
                    <div>
                      <Typography.Text type="secondary">
                        {year - 1}: {count(l.prevCount, l.list, year - 1, l.label)}
                        {l.prevPercent !== 'outside' && l.prevPercent !== null && ` · ${f.percent(l.prevPercent)}`} (
                        {signed(l.changeCount, f.number(l.changeCount))}
                        {l.changePoints !== null &&
                          `; ${t('ratings.figures.points', { value: signed(l.changePoints, f.number(l.changePoints)) })}`}
                        )
                      </Typography.Text>
                    </div>
                  )}
                </>
              ),
            },
            {
              key: 'count',
              title: t('ratings.figures.count'),
              align: 'right',
              width: narrow ? 64 : 90,
              render: (_, l) => count(l.count, l.list, year, l.label),
            },
            {
              key: 'percent',
              title: t('ratings.figures.percent'),
              align: 'right',
              width: narrow ? 84 : 130,
              render: (_, l) => pct(l.percent),
            },
            ...(narrow
              ? []
              : ([
                  {
                    key: 'previous',
                    title: t('ratings.figures.previous', { year: year - 1 }),
                    align: 'right',
                    width: 150,
                    render: (_, l) => (
                      <span className="nowrap">
                        {count(l.prevCount, l.list, year - 1, l.label)}
                        {l.prevPercent !== 'outside' && l.prevPercent !== null && (
                          <Typography.Text type="secondary"> · {f.percent(l.prevPercent)}</Typography.Text>
                        )}
                      </span>
                    ),
                  },
                  {
                    key: 'change',
                    title: t('ratings.figures.change', { year: year - 1 }),
                    align: 'right',
                    width: 160,
                    render: (_, l) => (
                      <span className="nowrap">
                        {signed(l.changeCount, f.number(l.changeCount))}
                        {l.changePoints !== null && (
                          <Typography.Text type="secondary">
                            {' '}
                            · {t('ratings.figures.points', { value: signed(l.changePoints, f.number(l.changePoints)) })}
                          </Typography.Text>
                        )}
                      </span>
                    ),
                  },
                ] satisfies ColumnsType<Line>)),
          ]}
        />
      )}
    </Card>
  );
};
