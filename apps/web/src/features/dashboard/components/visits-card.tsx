import { LightIcon } from '../../../components/ui/light-icon';
import { useTranslation } from 'react-i18next';
import { figureTone, NONE_BEHIND } from '../../../lib/domain';
import { useFormat } from '../../../lib/use-format';
import type { VisitsSection } from '../api/get-dashboard';
import type { FigureList } from '../utils/figure-list';
import type { DashboardLinks } from '../utils/links';
import { AreaCard } from './area-card';
import { FigureLink, FigureRow } from './figure';

type Props = { data: VisitsSection; links: DashboardLinks; onOpen: (list: FigureList) => void };

/** Committee members' visits to cell meetings in the year: assignments behind, visits done and scored, cells without a visitor. */
export const VisitsCard = ({ data, links, onOpen }: Props) => {
  const { t } = useTranslation();
  const f = useFormat();
  const none = t('common.none');
  return (
    <AreaCard title={t('dashboard.visits.title')} icon={<LightIcon name="Star" />} testId="area-visits">
      <FigureRow
        label={t('dashboard.visits.behind')}
        note={t('dashboard.visits.behindNote', { date: f.date(data.asOf) })}
      >
        <FigureLink
          onOpen={() => onOpen({ area: 'visits', which: 'behind' })}
          size="large"
          value={f.number(data.assignmentsBehind)}
          tone={figureTone(data.assignmentsBehind, NONE_BEHIND)}
          label={t('dashboard.visits.openBehind', { n: f.number(data.assignmentsBehind) })}
          testId="fig-visits-behind"
        />
        <span className="dash-of">/</span>
        <FigureLink
          onOpen={() => onOpen({ area: 'visits', which: 'all' })}
          value={f.number(data.assignments)}
          label={t('dashboard.visits.openAll', { n: f.number(data.assignments) })}
          testId="fig-visit-assignments"
        />{' '}
        <span className="dash-percent">({data.behindPercent === null ? none : f.percent(data.behindPercent)})</span>
      </FigureRow>
      <FigureRow label={t('dashboard.visits.done')} note={t('dashboard.visits.doneNote')}>
        <FigureLink
          onOpen={() => onOpen({ area: 'visits', which: 'all' })}
          value={`${f.number(data.done)} / ${f.number(data.required)}`}
          label={t('dashboard.visits.openDone', { done: f.number(data.done), required: f.number(data.required) })}
          testId="fig-visits-done"
        />
      </FigureRow>
      <FigureRow label={t('dashboard.visits.scored')}>
        <span className="dash-plain num" data-testid="fig-visits-scored">
          {f.number(data.scored)}
        </span>
      </FigureRow>
      <FigureRow label={t('dashboard.visits.unscored')}>
        <FigureLink
          to={links.alerts({ codes: ['VISIT_UNSCORED'] })}
          value={f.number(data.unscored)}
          tone={figureTone(data.unscored, NONE_BEHIND)}
          label={t('dashboard.visits.openUnscored', { n: f.number(data.unscored) })}
          testId="fig-visits-unscored"
        />
      </FigureRow>
      <FigureRow
        label={t('dashboard.visits.withoutVisitor')}
        note={t('dashboard.visits.cells', { n: f.number(data.cells) })}
      >
        <FigureLink
          onOpen={() => onOpen({ area: 'visits', which: 'unassigned' })}
          value={f.number(data.cellsWithoutVisitor)}
          tone={figureTone(data.cellsWithoutVisitor, NONE_BEHIND)}
          label={t('dashboard.visits.openWithoutVisitor', { n: f.number(data.cellsWithoutVisitor) })}
          testId="fig-cells-without-visitor"
        />
      </FigureRow>
    </AreaCard>
  );
};
