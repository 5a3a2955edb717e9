import { LightIcon } from '../../../components/ui/light-icon';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/ui/query-error';
import { useFormat } from '../../../lib/use-format';
import type { InspectionTargetFigures } from '../api/get-dashboard';
import type { DashboardLinks } from '../utils/links';
import { AreaCard } from './area-card';
import { FigureLink, FigureRow } from './figure';
import { LightSkeleton } from '../../../components/ui/light';
import { figureTone, NONE_BEHIND } from '../../../lib/domain';

type Props = { data: InspectionTargetFigures | undefined; error: unknown; onRetry: () => void; links: DashboardLinks };

/** The yearly inspection target of the cells ("8/18 chi bộ đạt chỉ tiêu"), each number opening /inspections on its list. */
export const InspectionsCard = ({ data, error, onRetry, links }: Props) => {
  const { t } = useTranslation();
  const f = useFormat();
  const none = t('common.none');
  return (
    <AreaCard
      title={t('dashboard.inspections.title')}
      icon={<LightIcon name="SafetyCertificate" />}
      testId="area-inspections"
    >
      {error ? (
        <QueryError error={error} onRetry={onRetry} />
      ) : !data ? (
        <LightSkeleton rows={3} />
      ) : (
        <>
          <FigureRow
            label={t('dashboard.inspections.met')}
            note={t('dashboard.inspections.rule', { date: f.date(data.referenceDate) })}
          >
            <FigureLink
              to={links.inspections('MET')}
              size="large"
              value={f.number(data.metCount)}
              label={t('dashboard.inspections.openMet', { n: f.number(data.metCount) })}
              testId="fig-inspections-met"
            />
            <span className="dash-of">/</span>
            <FigureLink
              to={links.inspections('ALL')}
              value={f.number(data.subjectCount)}
              label={t('dashboard.inspections.openAll', { n: f.number(data.subjectCount) })}
              testId="fig-inspections-subjects"
            />{' '}
            <span className="dash-percent" data-testid="fig-inspections-percent">
              ({data.percent === null ? none : f.percent(data.percent)})
            </span>
          </FigureRow>
          <FigureRow label={t('dashboard.inspections.behind')}>
            <FigureLink
              to={links.inspections('BEHIND')}
              value={f.number(data.behindCount)}
              tone={figureTone(data.behindCount, NONE_BEHIND)}
              label={t('dashboard.inspections.openBehind', { n: f.number(data.behindCount) })}
              testId="fig-inspections-behind"
            />
          </FigureRow>
          <FigureRow label={t('dashboard.inspections.projected')}>
            <FigureLink
              to={links.inspections('ON_PACE')}
              value={f.number(data.projectedMetCount)}
              label={t('dashboard.inspections.openProjected', { n: f.number(data.projectedMetCount) })}
              testId="fig-inspections-projected"
            />{' '}
            <span className="dash-percent">
              ({data.projectedPercent === null ? none : f.percent(data.projectedPercent)})
            </span>
          </FigureRow>
        </>
      )}
    </AreaCard>
  );
};
