import '../locale';
import { Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths, useAppHref } from '../../../lib/paths';
import { useFormat } from '../../../lib/use-format';
import type { DuesMemberYear, DuesMonth } from '../api/get-dues';
import { duesMonthCollectable, useDuesMonthView } from '../utils/month-state';

type Props = {
  rows: DuesMemberYear[];
  total: number;
  offset: number;
  pageSize: number;
  loading?: boolean;
  /** Set when the viewer may record payments: a month cell opens the payment form. */
  onRecord?: (member: DuesMemberYear, month: DuesMonth) => void;
  onPage: (offset: number) => void;
};

/** The dues sheet: a row per member, a column per month (paid, or what is owed), the year's totals. */
export const DuesSheetTable = ({ rows, total, offset, pageSize, loading, onRecord, onPage }: Props) => {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useAppHref();
  const view = useDuesMonthView();
  const months = Array.from({ length: 12 }, (_, i) => i + 1);

  const cell = (y: DuesMemberYear, n: number) => {
    const m = y.months.find((x) => Number(x.month.slice(5, 7)) === n);
    if (!m) return <span aria-hidden>·</span>;
    const { state, text, title } = view(y, m);
    const content = (
      <span className={`dues-month dues-${state}`} data-state={state}>
        {text}
      </span>
    );
    const writable = onRecord && duesMonthCollectable(state);
    return (
      <Tooltip title={title}>
        {writable ? (
          <button
            type="button"
            className="dues-month-button"
            aria-label={t('dues.sheet.recordFor', { name: y.fullName, month: `${n}/${y.year}`, state: title })}
            onClick={() => onRecord(y, m)}
            data-testid="dues-month"
          >
            {content}
          </button>
        ) : (
          <span aria-label={title}>{content}</span>
        )}
      </Tooltip>
    );
  };

  return (
    <Table<DuesMemberYear>
      rowKey="memberId"
      size="small"
      loading={loading}
      dataSource={rows}
      scroll={{ x: 1400 }}
      data-testid="dues-sheet"
      locale={{ emptyText: t('dues.sheet.empty') }}
      pagination={{
        total,
        pageSize,
        current: Math.floor(offset / pageSize) + 1,
        hideOnSinglePage: true,
        showSizeChanger: false,
        onChange: (page) => onPage((page - 1) * pageSize),
      }}
      onRow={(y) =>
        ({ 'data-member': y.memberId, 'data-arrears': y.inArrears ? 'yes' : 'no' }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          key: 'n',
          title: t('dues.sheet.no'),
          width: 48,
          render: (_, __, i) => <span className="num">{f.number(offset + i + 1)}</span>,
        },
        {
          key: 'name',
          title: t('dues.sheet.name'),
          fixed: 'left',
          width: 200,
          render: (_, y) => (
            <div>
              <Link to={href(paths.member(y.memberId))}>{y.fullName}</Link>
              {y.inArrears && (
                <Tag color="red" style={{ marginInlineStart: 6 }} data-testid="dues-arrears-tag">
                  {t('dues.sheet.inArrears', { count: y.unpaidMonths.length })}
                </Tag>
              )}
            </div>
          ),
        },
        ...months.map((n) => ({
          key: `m${n}`,
          title: t('dues.sheet.month', { n }),
          align: 'right' as const,
          render: (_: unknown, y: DuesMemberYear) => cell(y, n),
        })),
        {
          key: 'due',
          title: t('dues.sheet.due'),
          align: 'right',
          render: (_, y) => <span className="num">{f.number(y.dueTotal)}</span>,
        },
        {
          key: 'paid',
          title: t('dues.sheet.paid'),
          align: 'right',
          render: (_, y) => <span className="num">{f.number(y.paidTotal)}</span>,
        },
        {
          key: 'outstanding',
          title: t('dues.sheet.outstanding'),
          align: 'right',
          render: (_, y) => <span className="num">{f.number(y.outstanding)}</span>,
        },
      ]}
    />
  );
};
