import '../locale';
import { ClockCircleOutlined, EnvironmentOutlined, WarningOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { MeetingKindTag, MeetingStateTag } from '../../../components/meeting-tags';
import { paths, useAppHref } from '../../../lib/paths';
import { useDynamicLabel } from '../../../lib/use-dynamic-label';
import { useFormat } from '../../../lib/use-format';
import type { MeetingListItem } from '../api/fields';
import { formatMonth, monthOf, timeRange, weekdayOf } from '../utils/meeting-format';
import { MEETING_COLUMNS, type MeetingColumn } from './meeting-list-tools';

type Props = {
  items: MeetingListItem[];
  showCell: boolean;
  /** The details shown on each row (the user's choice, meeting-list-tools.ts); all when not given. */
  columns?: readonly MeetingColumn[];
};

/** Meetings grouped by month (newest first), one compact row each: works the same on a phone and a desktop. */
export const MeetingCalendarList = ({ items, showCell, columns = MEETING_COLUMNS }: Props) => {
  const { t } = useTranslation();
  const shows = (c: MeetingColumn) => columns.includes(c);
  const f = useFormat();
  const href = useAppHref();
  const label = useDynamicLabel();

  if (items.length === 0) return <Empty description={t('meetings.calendar.empty')} />;

  const groups = new Map<string, MeetingListItem[]>();
  for (const m of items) {
    const key = monthOf(m.date);
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }

  return (
    <div className="section-gap" data-testid="meeting-calendar">
      {[...groups.entries()].map(([month, list]) => (
        <Card
          key={month}
          size="small"
          title={<h2 className="card-title">{t('meetings.calendar.month', { month: formatMonth(month) })}</h2>}
          extra={<span className="num">{t('meetings.calendar.monthCount', { count: list.length })}</span>}
        >
          <ul className="meeting-list">
            {list.map((m) => {
              const held = m.state === 'HELD' || m.state === 'CLOSED';
              const time = timeRange(m.actualStart ?? m.startTime, m.actualEnd ?? m.endTime);
              const lng = f.lng;
              return (
                <li key={m.id} className="meeting-list__item" data-testid="meeting-item">
                  <div className="meeting-list__date" aria-hidden>
                    <span className="meeting-list__day">{m.date.slice(8, 10)}</span>
                    <span className="meeting-list__weekday">{weekdayOf(m.date, lng)}</span>
                  </div>
                  <div className="meeting-list__body">
                    <Link to={href(paths.meeting(m.id))} className="meeting-list__title" data-testid="meeting-link">
                      {m.title}
                    </Link>
                    <Flex wrap gap={4} align="center" className="meeting-list__meta">
                      {shows('kind') && (
                        <span data-column="kind">
                          <MeetingKindTag kind={m.kind} />
                        </span>
                      )}
                      {shows('state') && (
                        <span data-column="state">
                          <MeetingStateTag state={m.state} />
                        </span>
                      )}
                      <span className="nowrap">{f.date(m.date)}</span>
                      {shows('time') && time && (
                        <span className="nowrap" data-column="time">
                          <ClockCircleOutlined aria-hidden /> {time}
                        </span>
                      )}
                      {shows('place') && m.place && (
                        <span data-column="place">
                          <EnvironmentOutlined aria-hidden /> {m.place}
                        </span>
                      )}
                    </Flex>
                    <Flex wrap gap={8} align="center" className="meeting-list__meta">
                      {showCell && shows('organisation') && (
                        <Typography.Text type="secondary" data-column="organisation">
                          {m.organisation?.name ?? t('meetings.cellOutOfScope')}
                        </Typography.Text>
                      )}
                      {held && shows('attendance') && (
                        <span className="num" data-testid="meeting-item-attendance" data-column="attendance">
                          {m.attendanceRate.expected > 0
                            ? t('meetings.calendar.attendance', {
                                present: f.number(m.attendanceRate.present),
                                expected: f.number(m.attendanceRate.expected),
                                percent: f.percent(m.attendanceRate.percent),
                              })
                            : t('meetings.calendar.noAttendance')}
                        </span>
                      )}
                      {shows('flags') && m.flags.length > 0 && (
                        <Tooltip
                          title={
                            <ul className="plain-list">
                              {m.flags.map((fl, i) => (
                                <li key={i}>{label('meeting.flagCode', fl.code, 'common.otherCode')}</li>
                              ))}
                            </ul>
                          }
                        >
                          <Tag
                            data-column="flags"
                            color={m.flags.some((fl) => fl.severity === 'error') ? 'error' : 'warning'}
                            icon={<WarningOutlined aria-hidden />}
                          >
                            {t('meetings.calendar.flags', { count: m.flags.length })}
                          </Tag>
                        </Tooltip>
                      )}
                    </Flex>
                  </div>
                </li>
              );
            })}
          </ul>
        </Card>
      ))}
    </div>
  );
};
