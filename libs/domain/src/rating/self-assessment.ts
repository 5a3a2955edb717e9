import type { FieldError } from '../errors';
import type { Policy } from '../policy';
import type { TaskCounts } from './level';

/**
 * A self-assessment on the QĐ 366 score sheet: general criteria (politics, ethics, role-model behaviour,
 * innovation, self-criticism; 30 points) and task results (70 points), plus the year's task counts the level
 * rule needs. `total`, when given, must equal the sum (a form that adds up wrongly is refused, not corrected).
 */
export type SelfAssessment = {
  generalPoints: number;
  taskPoints: number;
  tasks: TaskCounts;
  total?: number;
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

// Points are entered to at most two decimals (27.5, 68.25); they are added as whole hundredths so 0.1 + 0.2 is 0.3.
const hundredths = (v: number): number | null => {
  const h = Math.round(v * 100);
  return Math.abs(h - v * 100) < 1e-6 ? h : null;
};

const checkPoints = (v: unknown, max: number, field: string, errors: FieldError[]): number | null => {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    errors.push({ field, reason: v === undefined ? 'is required' : 'must be a number' });
    return null;
  }
  if (v < 0 || v > max) {
    errors.push({ field, reason: `must be from 0 to ${max}` });
    return null;
  }
  const h = hundredths(v);
  if (h === null) errors.push({ field, reason: 'must have at most 2 decimals' });
  return h;
};

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * Checks a self-assessment against the policy's score sheet: every criterion from 0 to its maximum (general
 * `generalMaxPoints`, tasks `tasksMaxPoints`) with at most 2 decimals, `total` (if given) equal to the sum, and
 * the task counts consistent (non-negative integers; completed <= assigned; onTime, exceeded <= completed).
 * Returns the total, or every problem as a field error (fields: generalPoints, taskPoints, total, tasks.*).
 */
export const validateSelfAssessment = (
  input: unknown,
  policy: Policy,
): { ok: true; total: number } | { ok: false; errors: FieldError[] } => {
  const errors: FieldError[] = [];
  if (!isPlainObject(input)) return { ok: false, errors: [{ field: 'selfAssessment', reason: 'must be an object' }] };
  const g = checkPoints(input.generalPoints, policy.rating.generalMaxPoints, 'generalPoints', errors);
  const t = checkPoints(input.taskPoints, policy.rating.tasksMaxPoints, 'taskPoints', errors);
  const sum = g !== null && t !== null ? (g + t) / 100 : null;
  if (input.total !== undefined && input.total !== null) {
    if (typeof input.total !== 'number' || !Number.isFinite(input.total))
      errors.push({ field: 'total', reason: 'must be a number' });
    else if (sum !== null && hundredths(input.total) !== g! + t!)
      errors.push({ field: 'total', reason: `must equal generalPoints + taskPoints (${sum})` });
  }
  const tasks = input.tasks;
  if (!isPlainObject(tasks)) {
    errors.push({ field: 'tasks', reason: tasks === undefined ? 'is required' : 'must be an object' });
  } else {
    let counts = true;
    for (const key of ['assigned', 'completed', 'onTime', 'exceeded'] as const) {
      if (!isCount(tasks[key])) {
        errors.push({ field: `tasks.${key}`, reason: 'must be a non-negative integer' });
        counts = false;
      }
    }
    if (counts) {
      const c = tasks as TaskCounts;
      if (c.completed > c.assigned) errors.push({ field: 'tasks.completed', reason: 'must be <= tasks.assigned' });
      if (c.onTime > c.completed) errors.push({ field: 'tasks.onTime', reason: 'must be <= tasks.completed' });
      if (c.exceeded > c.completed) errors.push({ field: 'tasks.exceeded', reason: 'must be <= tasks.completed' });
    }
  }
  return errors.length === 0 && sum !== null ? { ok: true, total: sum } : { ok: false, errors };
};
