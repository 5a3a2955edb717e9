import { Alert, Form, Input } from 'antd';
import { useErrorMessage } from '../../lib/use-error-message';

type Props = {
  /** The text area's id (the label points at it). */
  id: string;
  label: string;
  value: string;
  onChange: (reason: string) => void;
  /** The server's refusal of the action, shown above the field. */
  error?: unknown;
};

/**
 * The reason a dialog asks for before it acts (cancel a meeting or an inspection, amend closed minutes): one required
 * text area of at most 1000 characters; the dialog's OK button stays disabled while it is blank.
 */
export const ReasonForm = ({ id, label, value, onChange, error }: Props) => {
  const { message } = useErrorMessage();
  return (
    <Form layout="vertical" component="div">
      {error != null && (
        <Alert type="error" showIcon role="alert" title={message(error)} style={{ marginBottom: 12 }} />
      )}
      <Form.Item label={label} htmlFor={id} required>
        <Input.TextArea
          id={id}
          value={value}
          autoSize={{ minRows: 2 }}
          maxLength={1000}
          onChange={(e) => onChange(e.target.value)}
        />
      </Form.Item>
    </Form>
  );
};
