import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = {
  submitting: boolean;
  submitLabel: string;
  onCancel: () => void;
  /** data-testid of the submit button. */
  testId: string;
  danger?: boolean;
  disabled?: boolean;
};

/** The cancel and submit buttons at the end of a form, right-aligned. */
export const FormActions = ({ submitting, submitLabel, onCancel, testId, danger, disabled }: Props) => {
  const { t } = useTranslation();
  return (
    <Flex gap={8} justify="end" wrap>
      <Button onClick={onCancel}>{t('common.cancel')}</Button>
      <Button
        type="primary"
        danger={danger}
        htmlType="submit"
        loading={submitting}
        disabled={disabled}
        data-testid={testId}
      >
        {submitLabel}
      </Button>
    </Flex>
  );
};
