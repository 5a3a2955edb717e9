import { Alert, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OrganisationField } from '../../../components/organisation-picker';
import { FormActions } from '../../../components/ui/form-actions';
import { todayIso } from '../../../lib/as-of';
import { useErrorMessage } from '../../../lib/use-error-message';

type DatedValues = { effectiveOn?: Dayjs | null; newParentId?: string | null; note?: string; sourceIds?: string[] };
/** The API's fields a dated change shows next to its inputs; an error on any other field is said above the form. */
const PLACED = ['effectiveOn', 'newParentId', 'id', 'reason', 'note', 'sourceIds', 'targetId'];

type DatedProps = {
  testId: string;
  withParent?: boolean;
  danger?: boolean;
  submitting: boolean;
  error: unknown;
  hint: string;
  submitLabel: string;
  /** Inputs of the change itself (a merger's sources), above the date; `help` gives the API's message for a field. */
  extra?: (help: (name: string) => string | undefined) => ReactNode;
  onCancel: () => void;
  onSubmit: (v: { effectiveOn: string; newParentId?: string | null; note?: string; sourceIds?: string[] }) => void;
};

/** The date a change of the tree takes effect and its note (a decision reference), with the API's messages beside them. */
export const DatedFields = ({ help }: { help: (name: string) => string | undefined }) => {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="effectiveOn"
        label={t('organisationForm.effectiveOn')}
        rules={[{ required: true, message: t('organisationForm.required') }]}
        validateStatus={help('effectiveOn') ? 'error' : undefined}
        help={help('effectiveOn')}
      >
        <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('organisationForm.note')}
        validateStatus={help('id') || help('reason') ? 'error' : undefined}
        help={help('id') ?? help('reason')}
      >
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
    </>
  );
};

/** A dated change of the tree (move, merge, dissolve): the date it takes effect, a note, and for a move the new parent. */
export const DatedChange = ({
  testId,
  withParent,
  danger,
  submitting,
  error,
  hint,
  submitLabel,
  extra,
  onCancel,
  onSubmit,
}: DatedProps) => {
  const { t } = useTranslation();
  const { message, fieldMessages } = useErrorMessage();
  const fields = error ? fieldMessages(error) : {};
  const help = (name: string) => fields[name];
  return (
    <Form<DatedValues>
      layout="vertical"
      name={testId}
      data-testid={testId}
      initialValues={{ newParentId: null }}
      onFinish={(v) =>
        onSubmit({
          effectiveOn: v.effectiveOn?.format('YYYY-MM-DD') ?? todayIso(),
          newParentId: v.newParentId,
          note: v.note?.trim() || undefined,
          sourceIds: v.sourceIds,
        })
      }
    >
      <Alert type={danger ? 'warning' : 'info'} showIcon title={hint} style={{ marginBottom: 16 }} />
      {Boolean(error) && !Object.keys(fields).some((f) => PLACED.includes(f)) && (
        <Alert
          type="error"
          showIcon
          title={message(error)}
          style={{ marginBottom: 16 }}
          data-testid={`${testId}-error`}
        />
      )}
      {withParent && (
        <Form.Item
          name="newParentId"
          label={t('organisationForm.newParent')}
          rules={[{ required: true, message: t('organisationForm.pickParent') }]}
          validateStatus={help('newParentId') ? 'error' : undefined}
          help={help('newParentId')}
        >
          <OrganisationField placeholder={t('organisationForm.pickParent')} />
        </Form.Item>
      )}
      {extra?.(help)}
      <DatedFields help={help} />
      <FormActions
        submitting={submitting}
        onCancel={onCancel}
        testId={`${testId}-submit`}
        submitLabel={submitLabel}
        danger={danger}
      />
    </Form>
  );
};
