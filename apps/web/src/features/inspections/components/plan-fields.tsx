// Fields an inspection's plan and a yearly inspection plan share (plan-inspection-dialog.tsx, yearly-plan-card.tsx).
import { Col, DatePicker, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT } from '../utils/form-dates';

/** "Thời kỳ kiểm tra" of an inspection or a yearly plan: two date fields (reviewFrom, reviewTo), for a Row of a Form. */
export const ReviewPeriodFields = () => {
  const { t } = useTranslation();
  return (
    <>
      <Col xs={12}>
        <Form.Item name="reviewFrom" label={t('inspections.fields.reviewFrom')}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12}>
        <Form.Item name="reviewTo" label={t('inspections.fields.reviewTo')}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </>
  );
};

/** "Phương pháp" (how the inspection is done) of an inspection or a yearly plan, at most 500 characters, for a Row of a Form. */
export const MethodField = ({ md }: { md?: number }) => {
  const { t } = useTranslation();
  return (
    <Col xs={24} md={md}>
      <Form.Item
        name="method"
        label={t('inspections.fields.method')}
        rules={[{ max: 500, message: t('inspections.form.tooLong', { max: 500 }) }]}
      >
        <Input />
      </Form.Item>
    </Col>
  );
};
