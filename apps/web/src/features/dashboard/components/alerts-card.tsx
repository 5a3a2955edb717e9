import { LightIcon } from '../../../components/ui/light-icon';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/use-format';
import type { AlertSummary } from '../api/get-alerts';
import type { DashboardLinks } from '../utils/links';
import { AreaCard } from './area-card';
import { FigureLink, FigureRow } from './figure';
import { SEVERITY_COLORS } from './severity-tag';
import { LightTag } from '../../../components/ui/light';

/** Alert counts by severity and by rule, each opening the alert list narrowed to it. */
export const AlertsCard = ({ data, links }: { data: AlertSummary; links: DashboardLinks }) => {
  const { t } = useTranslation();
  const f = useFormat();
  const codes = data.countsByCode.filter((c) => c.count > 0);
  return (
    <AreaCard title={t('dashboard.alerts.title')} icon={<LightIcon name="Bell" />} testId="area-alerts">
      <FigureRow label={t('dashboard.alerts.total')}>
        <FigureLink
          to={links.alerts()}
          size="large"
          value={f.number(data.total)}
          label={t('dashboard.alerts.openAll', { n: f.number(data.total) })}
          testId="fig-alerts"
        />
      </FigureRow>
      <div className="kind-counts" role="group" aria-label={t('dashboard.alerts.bySeverity')}>
        {data.countsBySeverity.map((s) => (
          <span key={s.severity} className="dash-kind">
            <LightTag color={SEVERITY_COLORS[s.severity]}>{t(`alerts.severity.${s.severity}`)}</LightTag>
            <FigureLink
              to={links.alerts({ severity: s.severity })}
              value={f.number(s.count)}
              label={t('dashboard.alerts.openSeverity', {
                n: f.number(s.count),
                severity: t(`alerts.severity.${s.severity}`),
              })}
              testId={`fig-alerts-${s.severity}`}
            />
          </span>
        ))}
      </div>
      <ul className="dash-codes">
        {codes.map((c) => (
          <li key={c.code}>
            <span className="dash-codes__label">
              <span className={`dash-dot dash-dot--${c.severity.toLowerCase()}`} aria-hidden />{' '}
              {t(`alerts.code.${c.code}`)}
            </span>
            <FigureLink
              to={links.alerts({ codes: [c.code] })}
              value={f.number(c.count)}
              label={t('dashboard.alerts.openCode', { n: f.number(c.count), code: t(`alerts.code.${c.code}`) })}
              testId={`fig-alerts-${c.code}`}
            />
          </li>
        ))}
      </ul>
    </AreaCard>
  );
};
