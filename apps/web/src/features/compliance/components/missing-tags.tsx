import '../locale';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import type { MissingMeeting } from '../api/get-compliance';

/** '2026-05' → '05/2026'; '2026-Q2' → 'Quý 2/2026' (the words from the locale). */
export const usePeriodLabel = () => {
  const { t } = useTranslation();
  return (period: string): string => {
    const q = /^(\d{4})-Q([1-4])$/.exec(period);
    if (q) return t('compliance.quarter', { quarter: q[2], year: q[1] });
    const m = /^(\d{4})-(\d{2})$/.exec(period);
    return m ? `${m[2]}/${m[1]}` : period;
  };
};

/** "Thiếu SH thường kỳ 05/2026", "Thiếu SH chuyên đề Quý 2/2026", with the due date on hover. */
export const MissingTags = ({ missing }: { missing: MissingMeeting[] }) => {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  return (
    <span className="missing-tags">
      {missing.map((m) => (
        <Tooltip key={`${m.kind}-${m.period}`} title={t('compliance.dueOn', { date: formatDate(m.dueOn) })}>
          <Tag color={m.kind === 'THEMATIC' ? 'purple' : 'red'} data-testid="missing-tag">
            {m.kind === 'THEMATIC'
              ? t('compliance.missingThematic', { period: periodLabel(m.period) })
              : m.kind === 'REGULAR'
                ? t('compliance.missingRegular', { period: periodLabel(m.period) })
                : t('compliance.missingOther', { kind: m.kind, period: periodLabel(m.period) })}
          </Tag>
        </Tooltip>
      ))}
    </span>
  );
};
