import '../locale';
import { Alert, DatePicker, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/ui/form-actions';
import { todayIso } from '../../../lib/as-of';
import { allowedDisciplineForms, DECIDING_BODIES, type DecidingBody, type DisciplineForm } from '../../../lib/domain';
import type { WriteFormProps } from '../../../lib/form-values';
import { useServerFieldErrors } from '../../../lib/use-server-field-errors';
import type { RecordDisciplineInput } from '../../../gql/graphql';
import type { MemberDetail } from '../api/get-member';

type Values = { decidingBody?: DecidingBody; form?: DisciplineForm; decidedOn?: Dayjs | null; reason?: string };
const FORM_FIELDS = new Set(['decidingBody', 'form', 'decidedOn', 'reason']);

/**
 * Records a discipline decision on a member: the deciding body, then only the forms that body may impose on a member
 * of this status (libs/domain allowedDisciplineForms, as the API checks), the decision date (not after today) and
 * the reason. An expulsion (KHAI_TRU) also ends the membership.
 */
export const MemberDisciplineForm = ({
  member,
  submitting,
  error,
  onSubmit,
  onCancel,
}: { member: MemberDetail } & WriteFormProps<RecordDisciplineInput>) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const body = Form.useWatch('decidingBody', form);
  const forms = allowedDisciplineForms(member.status, body ?? null);

  const general = useServerFieldErrors(form, error, FORM_FIELDS);

  return (
    <Form
      form={form}
      name="discipline"
      layout="vertical"
      data-testid="member-discipline-form"
      initialValues={{ decidingBody: 'CELL' }}
      onFinish={(v) =>
        onSubmit({
          memberId: member.id,
          decidingBody: v.decidingBody as DecidingBody,
          form: v.form as DisciplineForm,
          decidedOn: v.decidedOn?.format('YYYY-MM-DD') ?? todayIso(),
          ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
        })
      }
    >
      {general && <Alert type="error" showIcon title={general} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="decidingBody"
        label={t('member.disciplines.decidingBody')}
        rules={[{ required: true, message: t('memberEvent.required') }]}
      >
        <Select
          options={DECIDING_BODIES.map((b) => ({ value: b, label: t(`member.disciplines.bodies.${b}`) }))}
          onChange={() => form.setFieldValue('form', undefined)}
        />
      </Form.Item>
      <Form.Item
        name="form"
        label={t('member.disciplines.form')}
        rules={[{ required: true, message: t('memberEvent.required') }]}
        extra={forms.length === 0 ? t('memberDiscipline.noForms') : undefined}
      >
        <Select
          disabled={forms.length === 0}
          options={forms.map((f) => ({ value: f, label: t(`member.disciplines.forms.${f}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="decidedOn"
        label={t('memberDiscipline.decidedOn')}
        rules={[{ required: true, message: t('memberEvent.required') }]}
      >
        <DatePicker
          format="DD/MM/YYYY"
          style={{ width: '100%' }}
          disabledDate={(d) => d.format('YYYY-MM-DD') > todayIso()}
        />
      </Form.Item>
      <Form.Item name="reason" label={t('memberDiscipline.reason')}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('memberDiscipline.effects')}</Typography.Paragraph>
      <FormActions
        submitting={submitting}
        onCancel={onCancel}
        testId="member-discipline-submit"
        submitLabel={t('memberDiscipline.submit')}
      />
    </Form>
  );
};
