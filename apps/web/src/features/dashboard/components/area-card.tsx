import type { ReactNode } from 'react';
import { LightCard } from '../../../components/ui/light';

/** One area of the dashboard: a titled card whose body is figure rows. */
export const AreaCard = ({
  title,
  icon,
  extra,
  testId,
  children,
}: {
  title: string;
  icon: ReactNode;
  extra?: ReactNode;
  testId: string;
  children: ReactNode;
}) => (
  <LightCard
    className="dash-card"
    title={
      <h2 className="card-title">
        {icon} {title}
      </h2>
    }
    extra={extra}
    testId={testId}
  >
    {children}
  </LightCard>
);
