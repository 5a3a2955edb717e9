import { LightIcon } from '../../../components/ui/light-icon';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/use-format';
import type { AdmissionProgress, MembersSection } from '../api/get-dashboard';
import type { DashboardLinks } from '../utils/links';
import type { FigureList } from '../utils/figure-list';
import { AreaCard } from './area-card';
import { FigureLink, FigureRow } from './figure';
import { TrendChart } from './trend-chart';
import { LightProgress, LightSkeleton, LightTag } from '../../../components/ui/light';

type Props = {
  data: MembersSection;
  year: number;
  admission: AdmissionProgress | undefined;
  links: DashboardLinks;
  onOpen: (list: FigureList) => void;
};

/** Members by status on the as-of date, admissions of the year against the target, the five-year trend. */
export const MembersCard = ({ data, year, admission, links, onOpen }: Props) => {
  const { t } = useTranslation();
  const f = useFormat();
  const left = data.leftInPeriod.reduce((n, s) => n + s.count, 0);
  return (
    <AreaCard title={t('dashboard.members.title')} icon={<LightIcon name="Team" />} testId="area-members">
      <FigureRow label={t('dashboard.members.total')}>
        <FigureLink
          to={links.members()}
          size="large"
          value={f.number(data.members)}
          label={t('dashboard.members.openTotal', { n: f.number(data.members) })}
          testId="fig-members"
        />
      </FigureRow>
      <FigureRow label={t('dashboard.members.full')}>
        <FigureLink
          to={links.members('FULL')}
          value={f.number(data.fullMembers)}
          label={t('dashboard.members.openFull', { n: f.number(data.fullMembers) })}
          testId="fig-members-full"
        />
      </FigureRow>
      <FigureRow label={t('dashboard.members.probationary')}>
        <FigureLink
          to={links.members('PROBATIONARY')}
          value={f.number(data.probationaryMembers)}
          label={t('dashboard.members.openProbationary', { n: f.number(data.probationaryMembers) })}
          testId="fig-members-probationary"
        />
      </FigureRow>
      <FigureRow label={t('dashboard.members.exempt')} note={t('dashboard.members.exemptNote')}>
        <FigureLink
          onOpen={() => onOpen({ area: 'members', which: 'exempt' })}
          value={f.number(data.exemptMembers)}
          label={t('dashboard.members.openExempt', { n: f.number(data.exemptMembers) })}
          testId="fig-members-exempt"
        />
      </FigureRow>
      <FigureRow label={t('dashboard.members.atYearStart', { date: f.date(data.yearStart) })}>
        <FigureLink
          onOpen={() => onOpen({ area: 'members', which: 'yearStart' })}
          value={f.number(data.membersAtYearStart)}
          label={t('dashboard.members.openYearStart', { n: f.number(data.membersAtYearStart) })}
          testId="fig-members-year-start"
        />
      </FigureRow>
      <FigureRow label={t('dashboard.members.admissions', { year })} note={t('dashboard.members.admissionsNote')}>
        <FigureLink
          onOpen={() => onOpen({ area: 'members', which: 'admissions' })}
          value={f.number(data.admissions)}
          label={t('dashboard.members.openAdmissions', { n: f.number(data.admissions) })}
          testId="fig-admissions"
        />
      </FigureRow>
      <FigureRow label={t('dashboard.members.left', { year })}>
        <FigureLink
          onOpen={() => onOpen({ area: 'members', which: 'left' })}
          value={f.number(left)}
          label={t('dashboard.members.openLeft', { n: f.number(left) })}
          testId="fig-left"
        />
      </FigureRow>
      <div className="dash-admission" data-testid="fig-admission-target">
        {!admission ? (
          <LightSkeleton rows={1} title={false} />
        ) : (
          <>
            <div className="dash-row__main">
              <span className="dash-row__label">{t('dashboard.members.target', { year })}</span>
              <span className="dash-row__value">
                <FigureLink
                  onOpen={() => onOpen({ area: 'members', which: 'admissions' })}
                  value={f.number(admission.admitted)}
                  label={t('dashboard.members.openAdmissions', { n: f.number(admission.admitted) })}
                  testId="fig-admission-admitted"
                />{' '}
                / <span className="num">{f.number(admission.target)}</span>{' '}
                {admission.met ? (
                  <LightTag color="success">{t('dashboard.members.targetMet')}</LightTag>
                ) : (
                  <LightTag color="warning">
                    {t('dashboard.members.targetRemaining', { n: f.number(admission.remaining) })}
                  </LightTag>
                )}
              </span>
            </div>
            <LightProgress
              percent={Math.min(100, admission.percent ?? 0)}
              text={admission.percent === null ? t('common.none') : f.percent(admission.percent)}
              success={admission.met}
              label={t('dashboard.members.target')}
            />
            <span className="dash-row__note">
              {admission.targetKind === 'percentOfTermStart'
                ? t('dashboard.members.targetPercent', {
                    percent: f.number(admission.targetPercent ?? 0),
                    members: f.number(admission.membersAtTermStart),
                    date: f.date(admission.termStart),
                  })
                : t('dashboard.members.targetAbsolute', { n: f.number(admission.target) })}{' '}
              {t('dashboard.members.targetCounted')}
            </span>
          </>
        )}
      </div>
      <TrendChart points={data.trend} onOpen={(p) => onOpen({ area: 'members', which: 'on', date: p.date })} />
    </AreaCard>
  );
};
