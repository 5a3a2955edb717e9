import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { FigureTone } from '../../../lib/domain';
import { SecondaryText } from '../../../components/ui/light';
import { LightButton } from '../../../components/ui/light-button';

// A number on the dashboard and the list behind it: a link to the screen that lists those rows, or a button that
// opens the list in the drawer. `label` names the list for screen readers ("Xem 4 chi bộ chưa sinh hoạt đủ"); it
// holds the number shown (WCAG 2.5.3). `tone` colours it by meaning (figureTone in libs/domain): red only when
// something is behind; otherwise the text colour, a dotted underline marking it as a link.

type Target = { to: string; onOpen?: never } | { onOpen: () => void; to?: never };

type FigureProps = Target & {
  value: string;
  label: string;
  testId: string;
  size?: 'large' | 'small';
  tone?: FigureTone;
};

export const FigureLink = ({ value, label, testId, size = 'small', tone = 'neutral', ...target }: FigureProps) => {
  const className = [
    'dash-figure',
    size === 'large' ? 'dash-figure--large' : '',
    tone === 'behind' ? 'dash-figure--behind' : '',
  ]
    .filter(Boolean)
    .join(' ');
  if (target.to !== undefined) {
    return (
      <Link to={target.to} className={className} aria-label={label} title={label} data-testid={testId} data-tone={tone}>
        {value}
      </Link>
    );
  }
  return (
    <LightButton
      link
      className={`${className} dash-figure--button`}
      aria-label={label}
      title={label}
      onClick={target.onOpen}
      data-testid={testId}
      data-tone={tone}
    >
      {value}
    </LightButton>
  );
};

/** One line of a card: what is counted, then its figure(s), with an optional note under it. */
export const FigureRow = ({
  label,
  children,
  note,
  testId,
}: {
  label: ReactNode;
  children: ReactNode;
  note?: ReactNode;
  testId?: string;
}) => (
  <div className="dash-row" data-testid={testId}>
    <div className="dash-row__main">
      <span className="dash-row__label">{label}</span>
      <span className="dash-row__value">{children}</span>
    </div>
    {note && <SecondaryText className="dash-row__note">{note}</SecondaryText>}
  </div>
);
