import { PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** "In báo cáo": opens a report's printable page in a new tab (disabled until the report has an organisation). */
export const PrintReportButton = ({ href, testId }: { href: string | undefined; testId: string }) => {
  const { t } = useTranslation();
  return (
    <Button
      icon={<PrinterOutlined aria-hidden />}
      disabled={!href}
      href={href}
      target="_blank"
      rel="noopener"
      data-testid={testId}
    >
      {t('reportPrint.open')}
    </Button>
  );
};
