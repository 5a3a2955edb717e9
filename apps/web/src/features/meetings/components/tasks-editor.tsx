import '../locale';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { foldedSearch } from '../../../lib/folded-search';
import type { CellMember } from '../api/get-cell-members';
import { newTaskKey, type TaskDraft } from '../utils/record-draft';

type Props = {
  tasks: TaskDraft[];
  members: CellMember[];
  disabled: boolean;
  errors: Record<string, string>;
  onChange: (tasks: TaskDraft[]) => void;
};

/** Next month's tasks, each with an assignee from the cell and a due date. */
export const TasksEditor = ({ tasks, members, disabled, errors, onChange }: Props) => {
  const { t } = useTranslation();
  const set = (key: string, patch: Partial<TaskDraft>) =>
    onChange(tasks.map((task) => (task.key === key ? { ...task, ...patch } : task)));
  const options = members.map((m) => ({ value: m.id, label: m.fullName }));

  return (
    <div className="tasks" data-testid="tasks-editor">
      {tasks.length === 0 && <Typography.Paragraph type="secondary">{t('meetings.tasks.empty')}</Typography.Paragraph>}
      <ol className="tasks__list">
        {tasks.map((task, i) => (
          <li key={task.key} className="tasks__row">
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 4 }}
              value={task.text}
              disabled={disabled}
              maxLength={1000}
              status={errors[task.key] ? 'error' : undefined}
              aria-label={t('meetings.tasks.textN', { n: i + 1 })}
              placeholder={t('meetings.tasks.textPlaceholder')}
              onChange={(e) => set(task.key, { text: e.target.value })}
            />
            {errors[task.key] && (
              <Typography.Text type="danger" role="alert">
                {errors[task.key]}
              </Typography.Text>
            )}
            <Flex wrap gap={8}>
              <Select
                allowClear
                showSearch={foldedSearch}
                style={{ minWidth: 200, flex: '1 1 200px' }}
                value={task.assigneeMemberId ?? undefined}
                disabled={disabled}
                options={options}
                aria-label={t('meetings.tasks.assigneeN', { n: i + 1 })}
                placeholder={t('meetings.tasks.assignee')}
                onChange={(v: string | undefined) => set(task.key, { assigneeMemberId: v ?? null })}
              />
              <DatePicker
                format="DD/MM/YYYY"
                value={task.dueOn ? dayjs(task.dueOn) : null}
                disabled={disabled}
                aria-label={t('meetings.tasks.dueOnN', { n: i + 1 })}
                placeholder={t('meetings.tasks.dueOn')}
                onChange={(d) => set(task.key, { dueOn: d ? d.format('YYYY-MM-DD') : null })}
              />
              {!disabled && (
                <Button
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('meetings.tasks.removeN', { n: i + 1 })}
                  onClick={() => onChange(tasks.filter((x) => x.key !== task.key))}
                />
              )}
            </Flex>
          </li>
        ))}
      </ol>
      {!disabled && (
        <Button
          icon={<PlusOutlined aria-hidden />}
          onClick={() => onChange([...tasks, { key: newTaskKey(), text: '', assigneeMemberId: null, dueOn: null }])}
        >
          {t('meetings.tasks.add')}
        </Button>
      )}
    </div>
  );
};
