import '../locale';
import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { useFormat } from '../../../lib/use-format';
import type { MemberAttendanceHistory as History } from '../api/get-member';

type Entry = History['items'][number];

const COLORS: Record<string, string> = {
  PRESENT: 'green',
  ABSENT_EXCUSED: 'gold',
  ABSENT_UNEXCUSED: 'red',
  EXEMPT: 'default',
};

/**
 * "Lịch sử sinh hoạt" on a member's page: the held meetings of the member's cells in the last 12 months (the API's
 * `Member.attendanceHistory`), newest first, with the member's status and the rate over the period. A meeting's
 * title links to it when the viewer may open it.
 */
export const MemberAttendanceHistory = ({ history }: { history: History }) => {
  const { t } = useTranslation();
  const f = useFormat();
  const { rate } = history;
  return (
    <Card size="small" title={t('memberAttendance.title')} data-testid="member-attendance">
      <Typography.Paragraph type="secondary">
        <span>{t('memberAttendance.period', { from: formatDate(history.from), to: formatDate(history.to) })}</span>
        {' · '}
        <span data-testid="member-attendance-rate">
          {rate.expected > 0
            ? t('memberAttendance.rate', {
                present: rate.present,
                expected: rate.expected,
                percent: f.percent(rate.percent),
              })
            : t('memberAttendance.noRate')}
        </span>
      </Typography.Paragraph>
      <Table<Entry>
        size="small"
        rowKey="meetingId"
        dataSource={history.items}
        pagination={history.items.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        locale={{ emptyText: t('memberAttendance.empty') }}
        columns={[
          { title: t('memberAttendance.date'), dataIndex: 'date', render: (d: string) => formatDate(d), width: 110 },
          {
            title: t('memberAttendance.meeting'),
            dataIndex: 'title',
            render: (title: string, e) => (
              <>
                {e.canOpen ? <Link to={paths.meeting(e.meetingId)}>{title}</Link> : title}
                <div>
                  <Typography.Text type="secondary">
                    {t(`meeting.kind.${e.kind}`)}
                    {e.cellName ? ` · ${e.cellName}` : ''}
                  </Typography.Text>
                </div>
              </>
            ),
          },
          {
            title: t('memberAttendance.status'),
            dataIndex: 'status',
            render: (s: Entry['status']) =>
              s ? (
                <Tag color={COLORS[s]}>{t(`meeting.attendance.${s}`)}</Tag>
              ) : (
                <Tag>{t('memberAttendance.notRecorded')}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
};
