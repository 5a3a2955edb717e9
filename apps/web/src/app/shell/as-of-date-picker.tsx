import { DatePicker } from 'antd';
import dayjs from 'dayjs';

const DISPLAY_FORMAT = 'DD/MM/YYYY';

type Props = { asOf: string; onChange: (asOf: string) => void };

/** antd's date picker of the header, loaded on first use (as-of-picker.tsx shows a light field until then). */
export const AsOfDatePicker = ({ asOf, onChange }: Props) => (
  <DatePicker
    id="as-of-date"
    value={dayjs(asOf)}
    format={DISPLAY_FORMAT}
    allowClear={false}
    autoFocus
    defaultOpen
    style={{ width: 130 }}
    onChange={(value) => {
      if (value) onChange(value.format('YYYY-MM-DD'));
    }}
  />
);
