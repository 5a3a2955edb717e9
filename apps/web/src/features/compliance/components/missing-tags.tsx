import '../locale';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPeriod } from '../../../lib/domain';
import { formatDate } from '../../../lib/format';
import { useLanguage } from '../../../lib/use-language';
import type { MissingMeeting } from '../api/get-compliance';

/** '2026-05' → '05/2026'; '2026-Q2' → 'Quý 2/2026' (formatPeriod, as the Excel export writes it). */
export const usePeriodLabel = () => {
  const lang = useLanguage();
  return (period: string): string => formatPeriod(period, lang);
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
