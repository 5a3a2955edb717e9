import { Input, type InputProps } from 'antd';
import { useEffect, useState } from 'react';
import { parseTimeInput } from '../../lib/domain';

type Props = Omit<InputProps, 'value' | 'onChange' | 'type'> & {
  value?: string | null;
  onChange?: (value: string) => void;
};

/**
 * A time of day in 24-hour form (HH:MM) whatever the browser's locale (`<input type="time">` shows "02:00 PM" on an
 * English system). Accepts "14:00", "14h30", "1430", "9:05"; writes the normalised HH:MM back when the field is left.
 * While typing, the raw text is passed on, so form validation can say what is wrong.
 */
export const TimeInput = ({ value, onChange, onBlur, ...rest }: Props) => {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  return (
    <Input
      inputMode="numeric"
      placeholder="14:00"
      maxLength={5}
      autoComplete="off"
      {...rest}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange?.(e.target.value);
      }}
      onBlur={(e) => {
        const t = parseTimeInput(text);
        if (t && t !== text) {
          setText(t);
          onChange?.(t);
        }
        onBlur?.(e);
      }}
    />
  );
};
