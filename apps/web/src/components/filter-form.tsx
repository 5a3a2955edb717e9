import { Col, Form, Row } from 'antd';
import type { ReactNode } from 'react';

export type FilterField = {
  /** The control's id (the label points at it). */
  id: string;
  label: string;
  /** Width from the md breakpoint on, of 24 (full width below it). */
  md: number;
  control: ReactNode;
};

type Props = {
  fields: FilterField[];
  /** The form's accessible name; with it the form is a search landmark. */
  label?: string;
  /** false: one field alone, without the gutter and the space under it. */
  compact?: boolean;
};

/** The filters of a report page: labelled controls in one row (stacked on small screens). */
export const FilterForm = ({ fields, label, compact = false }: Props) => (
  <Form layout="vertical" component="div" role={compact && label === undefined ? undefined : 'search'} aria-label={label}>
    <Row gutter={compact ? undefined : [12, 0]}>
      {fields.map((f) => (
        <Col key={f.id} xs={24} md={f.md}>
          <Form.Item label={f.label} htmlFor={f.id} style={{ marginBottom: compact ? 0 : 8 }}>
            {f.control}
          </Form.Item>
        </Col>
      ))}
    </Row>
  </Form>
);
