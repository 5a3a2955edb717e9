import { Card } from 'antd';
import type { ReactNode } from 'react';

/** One area of the dashboard: a titled card whose body is figure rows. */
export const AreaCard = ({ title, icon, extra, testId, children }: { title: string; icon: ReactNode; extra?: ReactNode; testId: string; children: ReactNode }) => (
  <Card
    size="small"
    className="dash-card"
    title={
      <h2 className="card-title">
        {icon} {title}
      </h2>
    }
    extra={extra}
    data-testid={testId}
  >
    {children}
  </Card>
);
