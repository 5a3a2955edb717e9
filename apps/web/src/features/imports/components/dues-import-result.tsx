import '../locale';
import { Alert, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportDuesPaymentsMutation } from '../../../gql/graphql';
import type { ApiErrorRow } from '../../../lib/api-error';
import { useFormat } from '../../../lib/use-format';

export type DuesImportResult = ImportDuesPaymentsMutation['importDuesPayments'];
type Payment = DuesImportResult['payments'][number];

/** A refused cell of a dues file in Vietnamese: the column's name and the problem, from its stable code (else the API's reason). */
export const useDuesProblemText = () => {
  const { t } = useTranslation();
  return {
    column: (c: string) => t(`imports.dues.columns.${c}`, { defaultValue: c }),
    reason: (r: ApiErrorRow) =>
      r.code
        ? t([`imports.dues.problems.${r.column}.${r.code}`, `imports.dues.problems.${r.code}`], {
            defaultValue: r.reason,
          })
        : r.reason,
  };
};

/**
 * What a dues import did or, for a dry run, would do: the count and sum of the payments, the rows already imported,
 * and the payments themselves (row, member, month, amount, day, channel, reference).
 */
export const DuesImportSummary = ({ result }: { result: DuesImportResult }) => {
  const { t } = useTranslation();
  const f = useFormat();
  const values = {
    created: f.number(result.created),
    amount: f.number(result.amount),
    duplicates: f.number(result.duplicates),
    skipped: f.number(result.skipped),
  };
  return (
    <>
      <Alert
        type={result.dryRun ? 'info' : result.skipped ? 'warning' : 'success'}
        showIcon
        data-testid={result.dryRun ? 'import-dry-run-result' : 'import-done'}
        title={t(result.dryRun ? 'imports.dues.wouldWrite' : 'imports.dues.written', values)}
        description={result.duplicates || result.skipped ? t('imports.dues.notWritten', values) : undefined}
      />
      {result.payments.length > 0 && (
        <Table<Payment>
          size="small"
          rowKey={(p) => p.row}
          dataSource={result.payments}
          data-testid="import-payments"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: true }}
          columns={[
            { key: 'row', title: t('imports.row'), dataIndex: 'row', width: 70 },
            { key: 'name', title: t('imports.dues.columns.fullName'), dataIndex: 'fullName' },
            {
              key: 'month',
              title: t('imports.dues.columns.month'),
              render: (_, p) => `${p.month.slice(5, 7)}/${p.month.slice(0, 4)}`,
              width: 100,
            },
            {
              key: 'amount',
              title: t('imports.dues.columns.amount'),
              align: 'right',
              render: (_, p) => <span className="num">{f.number(p.amount)}</span>,
              width: 120,
            },
            { key: 'paidOn', title: t('imports.dues.columns.paidOn'), render: (_, p) => f.date(p.paidOn), width: 120 },
            {
              key: 'channel',
              title: t('imports.dues.columns.channel'),
              render: (_, p) => t(`imports.dues.channels.${p.channel}`),
              width: 150,
            },
            { key: 'reference', title: t('imports.dues.columns.reference'), dataIndex: 'reference' },
          ]}
        />
      )}
    </>
  );
};
