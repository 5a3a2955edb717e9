import { InputNumber, type InputNumberProps } from 'antd';
import { formatNumberInput, parseNumberInput } from '../../lib/domain';
import { useLanguage } from '../../lib/use-language';

type Props = Omit<InputNumberProps<number>, 'parser' | 'formatter' | 'decimalSeparator' | 'value' | 'onChange'> & {
  value: number | null | undefined;
  onChange: (value: number | null) => void;
};

/**
 * A number input that reads what Vietnamese users type: "27,5" is 27.5 (antd's own parser drops the comma as a
 * thousands separator and makes it 275), "27.5" too, and shows the value back with a decimal comma in Vietnamese.
 * Text that is not a number leaves the value empty.
 */
export const DecimalInput = ({ value, onChange, ...rest }: Props) => {
  const lang = useLanguage();
  return (
    <InputNumber<number>
      inputMode="decimal"
      {...rest}
      value={value ?? null}
      parser={(text) => {
        const n = parseNumberInput(text);
        return n === null || Number.isNaN(n) ? (undefined as unknown as number) : n;
      }}
      formatter={(v, info) =>
        info.userTyping
          ? info.input
          : formatNumberInput(typeof v === 'number' ? v : v === undefined || v === '' ? null : Number(v), lang)
      }
      onChange={(v) => onChange(typeof v === 'number' && Number.isFinite(v) ? v : null)}
    />
  );
};
