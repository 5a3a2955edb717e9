import '../locale';
import { Button, Tooltip } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../lib/as-of';
import { useOutbox } from '../../../lib/offline/outbox-status';
import { useFormat } from '../../../lib/use-format';
import { useCellDuesSheet, type DuesMemberYear } from '../api/get-dues';
import { duesMonthCollectable, useDuesMonthView, type DuesMonthView } from '../utils/month-state';
import { RecordPaymentDialog, type PaymentTarget } from './record-payment-dialog';

/** A column the meeting's attendance sheet shows for each member: its heading and each member's cell. */
export type AttendanceDuesColumn = { title: string; cell: (memberId: string, name: string) => ReactNode };

type Props = {
  memberId: string;
  name: string;
  year: DuesMemberYear | undefined;
  month: string;
  /** Collected on this device without a connection, not yet sent (đồng). */
  queued: number;
  onCollect: (target: Pick<PaymentTarget, 'member' | 'month'>) => void;
};

/** One member's month: what the dues sheet would show (paid ✓, short, unpaid, exempt, no basis "?"…) and "Thu". */
const AttendanceDuesCell = ({ memberId, name, year, month, queued, onCollect }: Props) => {
  const { t } = useTranslation();
  const f = useFormat();
  const view = useDuesMonthView();
  const m = year?.months.find((x) => x.month === month);
  // a member missing from the cell's sheet for that month (moved away before its end): not the cell's to collect
  const v: DuesMonthView = year && m ? view(year, m) : { state: 'none', text: '·', title: t('dues.sheet.state.none') };
  if (queued > 0) {
    // collected offline: waits on this device until it is sent (docs/offline.md); not collected twice
    return (
      <div className="attendance__dues" data-testid="attendance-dues" data-member={memberId} data-state="queued">
        <span className="attendance__dues-label">{t('dues.attendance.label')}</span>
        <span className="dues-month dues-queued" data-testid="attendance-dues-text">
          {t('dues.attendance.queued', { amount: f.number(queued) })}
        </span>
      </div>
    );
  }
  const shown =
    v.state === 'paid'
      ? t('dues.attendance.paid', { amount: f.number(m?.paid ?? 0) })
      : v.state === 'unknown' || v.state === 'none'
        ? v.text
        : v.title;
  return (
    <div className="attendance__dues" data-testid="attendance-dues" data-member={memberId} data-state={v.state}>
      <span className="attendance__dues-label">{t('dues.attendance.label')}</span>
      <Tooltip title={v.title}>
        {/* what "✓", "?" or "·" stand for, in words, for screen readers */}
        <span className={`dues-month dues-${v.state}`}>
          <span aria-hidden={shown !== v.title} data-testid="attendance-dues-text">
            {shown}
          </span>
          {shown !== v.title && <span className="visually-hidden">{v.title}</span>}
        </span>
      </Tooltip>
      {year && m && v.state !== 'paid' && duesMonthCollectable(v.state) && (
        <Button
          size="small"
          onClick={() => onCollect({ member: year, month: m })}
          aria-label={t('dues.attendance.collectFor', { name })}
          data-testid="attendance-dues-collect"
        >
          {t('dues.attendance.collect')}
        </Button>
      )}
    </div>
  );
};

/**
 * The dues column of a meeting's attendance sheet (the secretary collects dues in cash at the meeting): each member's
 * month of the meeting as the dues sheet reads it, and "Thu", which opens the payment form prefilled with what is
 * still owed, paid on the meeting's date (today when the meeting is later), in cash. One request for the whole sheet:
 * the cell's dues sheet of the meeting's year. No column (and nothing asked) when the viewer may not record the cell's
 * dues, or the meeting's month has not started (the API has no such month yet; a later year it refuses); none either
 * when the API answers with an error (a reader without dues rights gets NOT_FOUND): the attendance stays usable.
 */
export const useAttendanceDues = (
  organisationId: string,
  date: string,
  mayRecord: boolean,
): { column: AttendanceDuesColumn | null; dialog: ReactNode } => {
  const { t } = useTranslation();
  const today = todayIso();
  const month = date.slice(0, 7);
  const params = mayRecord && month <= today.slice(0, 7) ? { organisationId, year: Number(date.slice(0, 4)) } : null;
  const sheet = useCellDuesSheet(params);
  const [target, setTarget] = useState<PaymentTarget | null>(null);
  const byMember = useMemo(() => new Map((sheet.data?.items ?? []).map((y) => [y.memberId, y])), [sheet.data]);
  // payments of this month collected on this device and not sent yet (lib/offline)
  const outbox = useOutbox();
  const queued = useMemo(() => {
    const out = new Map<string, number>();
    for (const item of outbox) {
      const input =
        item.kind === 'recordDuesPayment'
          ? (item.variables.input as { memberId: string; month: string; amount: number })
          : null;
      if (input?.month === month) out.set(input.memberId, (out.get(input.memberId) ?? 0) + input.amount);
    }
    return out;
  }, [outbox, month]);
  const title = t('dues.attendance.title', { month: `${date.slice(5, 7)}/${date.slice(0, 4)}` });
  const paidOn = date <= today ? date : today;

  const column: AttendanceDuesColumn | null =
    params && sheet.data
      ? {
          title,
          cell: (memberId, name) => (
            <AttendanceDuesCell
              memberId={memberId}
              name={name}
              year={byMember.get(memberId)}
              month={month}
              queued={queued.get(memberId) ?? 0}
              onCollect={(x) => setTarget({ ...x, paidOn })}
            />
          ),
        }
      : null;
  return { column, dialog: <RecordPaymentDialog target={target} onClose={() => setTarget(null)} /> };
};
