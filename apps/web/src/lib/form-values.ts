import type { Dayjs } from 'dayjs';

/** The props every write form takes: the mutation's state, what to send, and how to leave. */
export type WriteFormProps<TInput> = {
  submitting: boolean;
  error: unknown;
  onSubmit: (input: TInput) => void;
  onCancel: () => void;
};

/** A date picker's value as YYYY-MM-DD, or null when empty or invalid. */
export const isoOrNull = (d: Dayjs | null | undefined): string | null =>
  d && d.isValid() ? d.format('YYYY-MM-DD') : null;

/** A text input's value trimmed, or null when it is empty or only spaces. */
export const trimmedOrNull = (s: string | null | undefined): string | null => (s && s.trim() ? s.trim() : null);
