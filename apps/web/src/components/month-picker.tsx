import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { lastDayOfMonth } from '../lib/url-params';

const MONTH_FORMAT = 'MM/YYYY';

/** One month ('YYYY-MM'), shown as MM/YYYY: the month of a visit report. */
export const MonthPicker = ({
  id,
  month,
  onChange,
}: {
  id: string;
  month: string;
  onChange: (month: string) => void;
}) => (
  <DatePicker
    id={id}
    picker="month"
    format={MONTH_FORMAT}
    allowClear={false}
    value={dayjs(`${month}-01`)}
    style={{ width: '100%' }}
    onChange={(d) => d && onChange(d.format('YYYY-MM'))}
  />
);

type RangeProps = { id: string; from: string; to: string; onChange: (range: { from: string; to: string }) => void };

/** A period of whole months, from the first day of the first to the last day of the last: a meeting calendar's. */
export const MonthRangePicker = ({ id, from, to, onChange }: RangeProps) => (
  <DatePicker.RangePicker
    id={{ start: id }}
    picker="month"
    format={MONTH_FORMAT}
    allowClear={false}
    value={[dayjs(from), dayjs(to)]}
    style={{ width: '100%' }}
    onChange={(range) => {
      const [a, b] = range ?? [];
      if (a && b) onChange({ from: a.startOf('month').format('YYYY-MM-DD'), to: lastDayOfMonth(b.format('YYYY-MM')) });
    }}
  />
);
