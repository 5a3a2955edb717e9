import { LightIcon } from '../../../components/ui/light-icon';
import { useTranslation } from 'react-i18next';
import { MeetingKindTag } from '../../../components/meeting-tags';
import { useFormat } from '../../../lib/use-format';
import type { MeetingsSection } from '../api/get-dashboard';
import type { FigureList } from '../utils/figure-list';
import type { DashboardLinks } from '../utils/links';
import { AreaCard } from './area-card';
import { FigureLink, FigureRow } from './figure';
import { figureTone, NONE_BEHIND } from '../../../lib/domain';

type Props = { data: MeetingsSection; links: DashboardLinks; onOpen: (list: FigureList) => void };

/** Cell meetings of the year to date: cells behind (the compliance list), attendance, meetings held by kind. */
export const MeetingsCard = ({ data, links, onOpen }: Props) => {
  const { t } = useTranslation();
  const f = useFormat();
  const none = t('common.none');
  const attendance = data.attendancePercent === null ? none : f.percent(data.attendancePercent);
  return (
    <AreaCard title={t('dashboard.meetings.title')} icon={<LightIcon name="Calendar" />} testId="area-meetings">
      <FigureRow
        label={t('dashboard.meetings.cellsBehind')}
        note={t('dashboard.meetings.period', { from: f.date(data.from), to: f.date(data.to) })}
      >
        <FigureLink
          to={links.compliance(false)}
          size="large"
          value={f.number(data.cellsBehind)}
          tone={figureTone(data.cellsBehind, NONE_BEHIND)}
          label={t('dashboard.meetings.openBehind', { n: f.number(data.cellsBehind) })}
          testId="fig-cells-behind"
        />
        <span className="dash-of">/</span>
        <FigureLink
          to={links.compliance(true)}
          value={f.number(data.cells)}
          label={t('dashboard.meetings.openCells', { n: f.number(data.cells) })}
          testId="fig-cells"
        />{' '}
        <span className="dash-percent" data-testid="fig-behind-percent">
          ({data.behindPercent === null ? none : f.percent(data.behindPercent)})
        </span>
      </FigureRow>
      <FigureRow label={t('dashboard.meetings.attendance')} note={t('dashboard.meetings.attendanceNote')}>
        <FigureLink
          to={links.compliance(true)}
          value={attendance}
          label={t('dashboard.meetings.openAttendance', { value: attendance })}
          testId="fig-attendance"
        />
      </FigureRow>
      <FigureRow
        label={t('dashboard.meetings.held')}
        note={t('dashboard.meetings.regularThematic', {
          regular: f.number(data.regularHeld),
          thematic: f.number(data.thematicHeld),
        })}
      >
        <FigureLink
          onOpen={() => onOpen({ area: 'meetings', kind: null })}
          value={f.number(data.held)}
          label={t('dashboard.meetings.openHeld', { n: f.number(data.held) })}
          testId="fig-held"
        />
      </FigureRow>
      <div className="kind-counts" aria-label={t('dashboard.meetings.byKind')} role="group">
        {data.byKind.map((k) => (
          <span key={k.kind} className="dash-kind">
            <MeetingKindTag kind={k.kind} />
            <FigureLink
              onOpen={() => onOpen({ area: 'meetings', kind: k.kind })}
              value={f.number(k.count)}
              label={t('dashboard.meetings.openKind', { n: f.number(k.count), kind: t(`meeting.kind.${k.kind}`) })}
              testId={`fig-held-${k.kind}`}
            />
          </span>
        ))}
      </div>
    </AreaCard>
  );
};
