import { Col, DatePicker, Form } from 'antd';
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
