import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { SecondaryText } from '../../../components/ui/light';
import { LightButton } from '../../../components/ui/light-button';

// A number on the dashboard and the list behind it: a link to the screen that lists those rows, or a button that
// opens the list in the drawer. `label` names the list for screen readers ("Xem 4 chi bộ chưa sinh hoạt đủ").

type Target = { to: string; onOpen?: never } | { onOpen: () => void; to?: never };

type FigureProps = Target & { value: string; label: string; testId: string; size?: 'large' | 'small' };

export const FigureLink = ({ value, label, testId, size = 'small', ...target }: FigureProps) => {
  const className = size === 'large' ? 'dash-figure dash-figure--large' : 'dash-figure';
  if (target.to !== undefined) {
    return (
      <Link to={target.to} className={className} aria-label={label} title={label} data-testid={testId}>
        {value}
      </Link>
    );
  }
  return (
    <LightButton link className={`${className} dash-figure--button`} aria-label={label} title={label} onClick={target.onOpen} data-testid={testId}>
      {value}
    </LightButton>
  );
};

/** One line of a card: what is counted, then its figure(s), with an optional note under it. */
export const FigureRow = ({ label, children, note, testId }: { label: ReactNode; children: ReactNode; note?: ReactNode; testId?: string }) => (
  <div className="dash-row" data-testid={testId}>
    <div className="dash-row__main">
      <span className="dash-row__label">{label}</span>
      <span className="dash-row__value">{children}</span>
    </div>
    {note && (
      <SecondaryText className="dash-row__note">{note}</SecondaryText>
    )}
  </div>
);
