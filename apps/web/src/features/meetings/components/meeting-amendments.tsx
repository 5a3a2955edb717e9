import '../locale';
import { Card, Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/use-format';
import type { MeetingAmendment } from '../api/fields';

// Field names of MeetingRecordInput as the amendment stores them.
const FIELD_KEYS = [
  'actualStart',
  'actualEnd',
  'attendance',
  'guests',
  'minutes',
  'resolution',
  'votesFor',
  'votesAgainst',
  'votesAbstain',
  'tasks',
  'selfAssessment',
] as const;
type FieldKey = (typeof FIELD_KEYS)[number];
const isFieldKey = (k: string): k is FieldKey => (FIELD_KEYS as readonly string[]).includes(k);

const short = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return v.length > 80 ? `${v.slice(0, 80)}…` : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
};

/** Corrections made after closing, oldest first: who, when, why, and which fields changed. */
export const MeetingAmendments = ({ amendments }: { amendments: MeetingAmendment[] }) => {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Card
      size="small"
      title={<h2 className="card-title">{t('meetings.amendments.title')}</h2>}
      data-testid="meeting-amendments"
    >
      {amendments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetings.amendments.empty')} />
      ) : (
        <Timeline
          items={amendments.map((a) => ({
            key: a.id,
            title: f.dateTime(a.amendedAt),
            content: (
              <div>
                <div>
                  <strong>{a.amendedBy}</strong>: {a.reason}
                </div>
                <ul className="plain-list">
                  {Object.keys(a.after).map((k) => {
                    const label = isFieldKey(k) ? t(`meeting.fields.${k}`) : k;
                    const before = short(a.before[k]);
                    const after = short(a.after[k]);
                    return (
                      <li key={k}>
                        <Typography.Text type="secondary">
                          {before || after
                            ? t('meetings.amendments.change', {
                                field: label,
                                before: before || '…',
                                after: after || '…',
                              })
                            : t('meetings.amendments.changed', { field: label })}
                        </Typography.Text>
                      </li>
                    );
                  })}
                </ul>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
};
