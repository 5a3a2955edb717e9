import { Card, Col, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';

type Props = { title: string; value: ReactNode; extra?: ReactNode; testId?: string };

/** One figure of a report's summary row: its title, the value (a number, or a link that opens its list), a note. */
export const FigureStat = ({ title, value, extra, testId }: Props) => (
  <Col xs={12} lg={6}>
    <Card size="small" className="figure-card" data-testid={testId}>
      <Statistic title={title} valueRender={() => value} />
      {extra && <Typography.Text type="secondary">{extra}</Typography.Text>}
    </Card>
  </Col>
);
