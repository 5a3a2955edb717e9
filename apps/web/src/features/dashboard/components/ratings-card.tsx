import { LightIcon } from '../../../components/ui/light-icon';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/ui/query-error';
import type { RatingSubjectKind } from '../../../lib/domain';
import { useFormat } from '../../../lib/use-format';
import type { RatingFigures } from '../api/get-dashboard';
import type { DashboardLinks } from '../utils/links';
import { AreaCard } from './area-card';
import { FigureLink } from './figure';
import { LightSkeleton, SecondaryText } from '../../../components/ui/light';

const KINDS: RatingSubjectKind[] = ['GRASSROOTS_ORGANISATION', 'SUB_COMMITTEE', 'SUBORDINATE_CELL', 'MEMBER'];

type Props = { data: RatingFigures | undefined; error: unknown; onRetry: () => void; links: DashboardLinks };

/**
 * The last decided year's ratings in the reports' convention (docs/rules.md#r-rating-figures): "HTTNV trở lên" as a share
 * of those rated, "trong đó HTXSNV" as a share of those HTTNV or better. Each count opens its list on /ratings.
 */
export const RatingsCard = ({ data, error, onRetry, links }: Props) => {
  const { t } = useTranslation();
  const f = useFormat();
  const none = t('common.none');
  const groups = (data?.groups ?? [])
    // a kind only where the subtree has such subjects (a cell has no grassroots organisation under it)
    .filter((g) => KINDS.includes(g.subjectKind) && (g.subjectKind === 'MEMBER' || g.current.total > 0))
    .sort((a, b) => KINDS.indexOf(a.subjectKind) - KINDS.indexOf(b.subjectKind));
  const decided = groups.some((g) => g.current.rated > 0);
  return (
    <AreaCard
      title={data && decided ? t('dashboard.ratings.titleYear', { year: data.year }) : t('dashboard.ratings.title')}
      icon={<LightIcon name="Trophy" />}
      testId="area-ratings"
    >
      {error ? (
        <QueryError error={error} onRetry={onRetry} />
      ) : !data ? (
        <LightSkeleton rows={3} />
      ) : !decided ? (
        <SecondaryText>{t('dashboard.ratings.none', { year: data.year })}</SecondaryText>
      ) : (
        <>
          <div className="dash-table-wrap">
            <table className="dash-table">
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.ratings.subject')}</th>
                  <th scope="col" className="num-col">
                    {t('dashboard.ratings.rated')}
                  </th>
                  <th scope="col" className="num-col">
                    {t('dashboard.ratings.wellOrBetter')}
                  </th>
                  <th scope="col" className="num-col">
                    {t('dashboard.ratings.ofWhichExcellent')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {groups.map(({ subjectKind: kind, current: c }) => {
                  const kindLabel = t(`ratings.subjectKind.${kind}`);
                  const excellent = c.levels.find((l) => l.level === 'HTXSNV')?.count ?? 0;
                  return (
                    <tr key={kind} data-testid={`ratings-row-${kind}`}>
                      <th scope="row">{kindLabel}</th>
                      <td className="num-col">
                        <FigureLink
                          to={links.ratings(data.year, `${kind}:rated`)}
                          value={f.number(c.rated)}
                          label={t('dashboard.ratings.openRated', { n: f.number(c.rated), kind: kindLabel })}
                          testId={`fig-rated-${kind}`}
                        />
                      </td>
                      <td className="num-col">
                        <FigureLink
                          to={links.ratings(data.year, `${kind}:HTXSNV+HTTNV`)}
                          value={f.number(c.wellCompletedOrBetter.count)}
                          label={t('dashboard.ratings.openWell', {
                            n: f.number(c.wellCompletedOrBetter.count),
                            kind: kindLabel,
                          })}
                          testId={`fig-well-${kind}`}
                        />{' '}
                        <span className="dash-percent" data-testid={`fig-well-percent-${kind}`}>
                          {c.wellCompletedOrBetter.percent === null ? none : f.percent(c.wellCompletedOrBetter.percent)}
                        </span>
                      </td>
                      <td className="num-col">
                        <FigureLink
                          to={links.ratings(data.year, `${kind}:HTXSNV`)}
                          value={f.number(excellent)}
                          label={t('dashboard.ratings.openExcellent', { n: f.number(excellent), kind: kindLabel })}
                          testId={`fig-excellent-${kind}`}
                        />{' '}
                        <span className="dash-percent" data-testid={`fig-excellent-percent-${kind}`}>
                          {c.excellentOfWellCompletedOrBetter === null
                            ? none
                            : f.percent(c.excellentOfWellCompletedOrBetter)}
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <SecondaryText className="dash-row__note">{t('dashboard.ratings.convention')}</SecondaryText>
        </>
      )}
    </AreaCard>
  );
};
