import '../locale';
import { CheckOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Input, Segmented, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE, type Attendance } from '../../../lib/domain';
import { useFormat } from '../../../lib/use-format';
import type { CellMember } from '../api/get-cell-members';
import type { AttendanceDraft, RecordDraft } from '../utils/record-draft';
import { liveRate } from '../utils/record-draft';

export type AttendanceErrors = Record<string, { status?: string; reason?: string; member?: string }>;

type Props = {
  draft: RecordDraft;
  members: Map<string, CellMember>;
  disabled: boolean;
  errors: AttendanceErrors;
  onChange: (memberId: string, patch: Partial<AttendanceDraft>) => void;
  onAllPresent: () => void;
  /** A column of its own after the attendance (the dues of the meeting's month: features/dues), when shown. */
  extra?: { title: string; cell: (memberId: string, name: string) => ReactNode } | null;
};

/** The live attendance line: present / expected and the rate, computed like the API (exempt not counted). */
export const AttendanceSummary = ({ draft }: { draft: RecordDraft }) => {
  const { t } = useTranslation();
  const f = useFormat();
  const r = liveRate(draft);
  return (
    <div className="attendance-summary" role="status" aria-live="polite" data-testid="attendance-rate">
      <strong>
        {r.expected > 0
          ? t('meetings.attendance.rate', {
              present: f.number(r.present),
              expected: f.number(r.expected),
              percent: f.percent(r.percent),
            })
          : t('meetings.attendance.noneExpected')}
      </strong>
      <span>
        {t('meetings.attendance.breakdown', {
          excused: f.number(r.excused),
          unexcused: f.number(r.unexcused),
          exempt: f.number(r.exempt),
        })}
      </span>
      {r.unmarked > 0 && <Tag color="warning">{t('meetings.attendance.unmarked', { count: r.unmarked })}</Tag>}
    </div>
  );
};

/**
 * The attendance sheet, made to be filled on a phone: one block per member with a four-way control
 * (present / excused / unexcused / exempt), the reason when excused, late and left-early when present.
 */
export const AttendanceSheet = ({ draft, members, disabled, errors, onChange, onAllPresent, extra }: Props) => {
  const { t } = useTranslation();

  return (
    <div className={`attendance${extra ? ' attendance--extra' : ''}`} data-testid="attendance-sheet">
      <Flex wrap gap={8} align="center" justify="space-between" className="attendance__toolbar">
        <AttendanceSummary draft={draft} />
        {!disabled && (
          <Button icon={<CheckOutlined aria-hidden />} onClick={onAllPresent} data-testid="all-present">
            {t('meetings.attendance.allPresent')}
          </Button>
        )}
      </Flex>
      {draft.order.length === 0 && (
        <Typography.Paragraph type="secondary">{t('meetings.attendance.noMembers')}</Typography.Paragraph>
      )}
      {extra && draft.order.length > 0 && (
        <div className="attendance__extra-head" data-testid="attendance-extra-title">
          {extra.title}
        </div>
      )}
      <ol className="attendance__list">
        {draft.order.map((memberId, i) => {
          const a = draft.attendance[memberId];
          const member = members.get(memberId);
          const name = member?.fullName ?? t('meetings.unknownMember', { n: i + 1 });
          const err = errors[memberId] ?? {};
          const nameId = `att-name-${memberId}`;
          return (
            <li
              key={memberId}
              className={`attendance__row${err.status || err.member ? ' attendance__row--error' : ''}`}
              data-testid="attendance-row"
              data-member={name}
              data-status={a.status ?? 'NONE'}
              aria-labelledby={nameId}
            >
              <div className="attendance__name" id={nameId}>
                <span className="attendance__index">{i + 1}.</span> {name}
                {member?.status === 'PROBATIONARY' && (
                  <Tag className="attendance__tag">{t('member.status.PROBATIONARY')}</Tag>
                )}
                {member?.exemption && <Tag className="attendance__tag">{t('meetings.attendance.exemptMember')}</Tag>}
              </div>
              <Segmented<Attendance | ''>
                block
                className="attendance__choice"
                disabled={disabled}
                value={a.status ?? ''}
                aria-label={t('meetings.attendance.statusOf', { name })}
                options={ATTENDANCE.map((s) => ({
                  value: s,
                  label: <span className="attendance__label">{t(`meetings.attendance.short.${s}`)}</span>,
                }))}
                onChange={(v) => v && onChange(memberId, { status: v })}
              />
              {extra?.cell(memberId, name)}
              {(err.status || err.member) && (
                <Typography.Text type="danger" role="alert">
                  {err.member ?? err.status}
                </Typography.Text>
              )}
              {a.status === 'ABSENT_EXCUSED' && (
                <div className="attendance__detail">
                  <Input
                    value={a.reason}
                    disabled={disabled}
                    maxLength={500}
                    status={err.reason ? 'error' : undefined}
                    placeholder={t('meetings.attendance.reasonPlaceholder')}
                    aria-label={t('meetings.attendance.reasonOf', { name })}
                    onChange={(e) => onChange(memberId, { reason: e.target.value })}
                    data-testid="attendance-reason"
                  />
                  {err.reason && (
                    <Typography.Text type="danger" role="alert">
                      {err.reason}
                    </Typography.Text>
                  )}
                </div>
              )}
              {a.status === 'PRESENT' && (
                <Flex gap={16} wrap className="attendance__detail">
                  <Checkbox
                    checked={a.late}
                    disabled={disabled}
                    onChange={(e) => onChange(memberId, { late: e.target.checked })}
                  >
                    {t('meetings.attendance.late')}
                  </Checkbox>
                  <Checkbox
                    checked={a.leftEarly}
                    disabled={disabled}
                    onChange={(e) => onChange(memberId, { leftEarly: e.target.checked })}
                  >
                    {t('meetings.attendance.leftEarly')}
                  </Checkbox>
                </Flex>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
};
