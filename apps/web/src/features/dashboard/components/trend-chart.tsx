import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/use-format';
import type { TrendPoint } from '../api/get-dashboard';

type Props = { points: TrendPoint[]; onOpen: (point: TrendPoint) => void };

/**
 * Members on 31 December of the last five years (the as-of date for this one) as CSS bars, full members and
 * probationary stacked. Each bar is a button opening the members of that day; its label says every figure, so the
 * chart reads without seeing it (and holds the number it shows: WCAG 2.5.3, label in name).
 */
export const TrendChart = ({ points, onOpen }: Props) => {
  const { t } = useTranslation();
  const f = useFormat();
  const max = Math.max(1, ...points.map((p) => p.members));
  return (
    <figure className="dash-trend" aria-labelledby="dash-trend-caption">
      <figcaption id="dash-trend-caption" className="dash-trend__caption">
        {t('dashboard.members.trend')}
      </figcaption>
      <ol className="dash-trend__bars">
        {points.map((p) => {
          const label = t('dashboard.members.trendPoint', {
            date: f.date(p.date),
            members: f.number(p.members),
            full: f.number(p.fullMembers),
            probationary: f.number(p.probationaryMembers),
            admissions: f.number(p.admissions),
          });
          return (
            <li key={p.year} className="dash-trend__item">
              <button
                type="button"
                className="dash-trend__button"
                aria-label={label}
                title={label}
                onClick={() => onOpen(p)}
                data-testid="trend-bar"
              >
                <span className="dash-trend__value">{f.number(p.members)}</span>
                <span className="dash-trend__track" aria-hidden>
                  <span className="dash-trend__bar" style={{ height: `${(p.members / max) * 100}%` }}>
                    <span
                      className="dash-trend__probationary"
                      style={{ height: `${p.members ? (p.probationaryMembers / p.members) * 100 : 0}%` }}
                    />
                  </span>
                </span>
              </button>
              {/* under the button, not in it: the button's name (its label, with the date) holds all the text it shows */}
              <span className="dash-trend__year" aria-hidden>
                {p.year}
              </span>
            </li>
          );
        })}
      </ol>
      <div className="dash-trend__legend" aria-hidden>
        <span>
          <i className="dash-swatch dash-swatch--full" /> {t('dashboard.members.full')}
        </span>
        <span>
          <i className="dash-swatch dash-swatch--probationary" /> {t('dashboard.members.probationary')}
        </span>
      </div>
    </figure>
  );
};
