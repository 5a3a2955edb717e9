import { InputNumber, type InputNumberProps } from 'antd';

/**
 * An amount of đồng: digits only, grouped the Vietnamese way (148.000); an empty box stays empty (not 0, not clamped),
 * so the form's own rules say what is missing or out of range. Form.Item passes value and onChange.
 */
export const AmountInput = (props: Omit<InputNumberProps<number>, 'formatter' | 'parser' | 'addonAfter'>) => (
  <InputNumber<number>
    style={{ width: '100%' }}
    {...props}
    addonAfter="đ"
    formatter={(v) => (v === undefined || v === null || `${v}` === '' ? '' : Number(v).toLocaleString('vi-VN'))}
    parser={(v) => {
      const digits = (v ?? '').replace(/\D/g, '');
      return (digits ? Number(digits) : '') as number;
    }}
  />
);
