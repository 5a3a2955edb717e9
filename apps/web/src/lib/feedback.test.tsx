import { act, render, renderHook, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AntdProvider } from '../app/antd-provider';
import { useFeedbackHostWanted, withFeedback } from './feedback';

// The shell and the dashboard render without antd's <App>: their messages and confirmations wait for one (lib/feedback).
describe('withFeedback', () => {
  it('waits while no antd <App> is mounted, asks the shell for one, and shows once one is there', async () => {
    const wanted = renderHook(() => useFeedbackHostWanted());
    expect(wanted.result.current).toBe(false);

    act(() => withFeedback(({ message }) => void message.info('Không tải được tổ chức con')));
    expect(wanted.result.current).toBe(true);
    expect(screen.queryByText('Không tải được tổ chức con')).toBeNull();

    // what the shell's FeedbackHost mounts
    render(<AntdProvider />);
    expect(await screen.findByText('Không tải được tổ chức con')).toBeTruthy();
  });

  it('uses a mounted <App> at once: a confirmation dialog with its buttons', async () => {
    render(<AntdProvider />);
    act(() =>
      withFeedback(({ modal }) => {
        void modal.confirm({ title: 'Còn 2 thay đổi chưa gửi', okText: 'Đăng xuất', cancelText: 'Hủy' });
      }),
    );
    expect((await screen.findAllByText('Còn 2 thay đổi chưa gửi')).length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Đăng xuất' })).toBeTruthy();
  });
});
