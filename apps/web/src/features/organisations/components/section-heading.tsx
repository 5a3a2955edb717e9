import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import type { ReactNode } from 'react';

type Add = { label: string; testId: string; onClick: () => void };

/**
 * The heading of a list section of the organisation page (its committee, a cell's visitors) and, for a user who may
 * write, the small button that adds a row. `id`: the heading's, which the section is labelled by.
 */
export const SectionHeading = ({ id, title, add }: { id: string; title: ReactNode; add?: Add }) => (
  <Flex justify="space-between" align="center" wrap gap={8}>
    <h2 id={id} className="section-title">
      {title}
    </h2>
    {add && (
      <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={add.onClick} data-testid={add.testId}>
        {add.label}
      </Button>
    )}
  </Flex>
);
