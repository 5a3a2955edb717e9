import { act, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DraftRestoredAlert } from '../components/ui/draft-restored-alert';
import { fill, renderUi, signIn } from '../test/render';
import { fingerprint, useKeepDraft, useRestoredDraft } from './local-draft';

// The drafts of long forms (meeting record, self-assessment, inspection conclusion): what was typed comes back after
// the form is closed (a session that ended, a reload) while the record is as it was; saving or discarding drops it.
type Props = { recordId: string | null; server: string; onSaved?: (clear: () => void) => void };

const NoteForm = ({ recordId, server }: Props) => {
  const kept = useRestoredDraft<string>('note', recordId, server);
  const [value, setValue] = useState(() => kept.restored?.value ?? server);
  useKeepDraft(kept.key, kept.basis, value, true, fingerprint(value) === kept.basis);
  return (
    <div>
      {kept.restored && (
        <DraftRestoredAlert
          savedAt={kept.restored.savedAt}
          onDiscard={() => {
            kept.discard();
            setValue(server);
          }}
          testId="note-draft"
        />
      )}
      <label htmlFor="note">Ghi chú</label>
      <input id="note" value={value} onChange={(e) => setValue(e.target.value)} />
      <button type="button" onClick={() => kept.clear()}>
        Lưu
      </button>
    </div>
  );
};

const box = () => screen.getByLabelText('Ghi chú') as HTMLInputElement;
const drafts = () => Object.keys(localStorage).filter((k) => k.startsWith('chibo.draft.'));
/** Types `text` and leaves the form once the draft timer (half a second after the last change) has run. */
const typeAndLeave = (text: string, props: Props) => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  try {
    const { unmount } = renderUi(<NoteForm {...props} />);
    fill(box(), text);
    act(() => {
      vi.advanceTimersByTime(600);
    });
    unmount();
  } finally {
    vi.useRealTimers();
  }
};

afterEach(() => localStorage.clear());

describe('drafts of long forms', () => {
  it('brings back what was typed, with a notice and the time, while the record is unchanged', async () => {
    signIn('u-1');
    typeAndLeave('Biên bản dở dang', { recordId: 'm-1', server: 'Bản trên máy chủ' });
    renderUi(<NoteForm recordId="m-1" server="Bản trên máy chủ" />);
    expect(box().value).toBe('Biên bản dở dang');
    expect(screen.getByTestId('note-draft').textContent).toContain('Đã khôi phục bản nháp chưa lưu');
  });

  it('offers nothing when the record changed on the server since, or to another user, or for another record', async () => {
    signIn('u-1');
    typeAndLeave('Biên bản dở dang', { recordId: 'm-1', server: 'Bản cũ' });
    const changed = renderUi(<NoteForm recordId="m-1" server="Bản mới của văn phòng" />);
    expect(box().value).toBe('Bản mới của văn phòng');
    expect(screen.queryByTestId('note-draft')).toBeNull();
    changed.unmount();
    typeAndLeave('Biên bản dở dang', { recordId: 'm-1', server: 'Bản cũ' });
    signIn('u-2');
    const other = renderUi(<NoteForm recordId="m-1" server="Bản cũ" />);
    expect(box().value).toBe('Bản cũ');
    other.unmount();
    signIn('u-1');
    renderUi(<NoteForm recordId="m-2" server="Bản cũ" />);
    expect(box().value).toBe('Bản cũ');
  });

  it('keeps nothing without a record, and drops the draft once saved or discarded', async () => {
    signIn('u-1');
    typeAndLeave('Không lưu được', { recordId: null, server: '' });
    expect(drafts()).toEqual([]);

    typeAndLeave('Đã lưu', { recordId: 'm-3', server: '' });
    const saved = renderUi(<NoteForm recordId="m-3" server="" />);
    screen.getByText('Lưu').click();
    saved.unmount();
    expect(Object.keys(localStorage).filter((k) => k.includes('.note.m-3'))).toEqual([]);

    typeAndLeave('Bỏ đi', { recordId: 'm-4', server: 'Gốc' });
    const { user } = renderUi(<NoteForm recordId="m-4" server="Gốc" />);
    await user.click(screen.getByTestId('note-draft-discard'));
    await waitFor(() => expect(box().value).toBe('Gốc'));
    expect(screen.queryByTestId('note-draft')).toBeNull();
    expect(localStorage.getItem('chibo.draft.u-1.note.m-4')).toBeNull();
  });
});
