import { fireEvent, screen } from '@testing-library/react';
import { Form } from 'antd';
import { describe, expect, it } from 'vitest';
import { fill, renderUi } from '../../test/render';
import { TimeInput } from './time-input';

const Probe = ({ onValues }: { onValues: (v: { startTime?: string }) => void }) => (
  <Form initialValues={{ startTime: '14:00' }} onValuesChange={(_c, all) => onValues(all)}>
    <Form.Item name="startTime" label="Giờ bắt đầu">
      <TimeInput />
    </Form.Item>
  </Form>
);

describe('TimeInput', () => {
  // Issue 12 §6: times are 24-hour everywhere (a type=time input shows "02:00 PM" on an English system).
  it('shows and keeps times in 24-hour form, whatever is typed', () => {
    const seen: (string | undefined)[] = [];
    renderUi(<Probe onValues={(v) => seen.push(v.startTime)} />);
    const box = screen.getByLabelText('Giờ bắt đầu') as HTMLInputElement;
    expect(box.type).toBe('text');
    expect(box.value).toBe('14:00');
    for (const [typed, shown] of [
      ['1430', '14:30'],
      ['9:05', '09:05'],
      ['21h15', '21:15'],
      ['23.00', '23:00'],
    ]) {
      fill(box, typed);
      fireEvent.blur(box);
      expect([typed, box.value]).toEqual([typed, shown]);
      expect(seen.at(-1)).toBe(shown);
    }
  });

  it('leaves what is not a 24-hour time as typed, for the form to say what is wrong', () => {
    renderUi(<Probe onValues={() => undefined} />);
    const box = screen.getByLabelText('Giờ bắt đầu') as HTMLInputElement;
    fill(box, '2:00 PM');
    fireEvent.blur(box);
    expect(box.value).toBe('2:00 PM');
    fill(box, '25:00');
    fireEvent.blur(box);
    expect(box.value).toBe('25:00');
  });
});
