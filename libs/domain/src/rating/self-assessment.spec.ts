import { DEFAULT_POLICY, resolvePolicy } from '../policy';
import { validateSelfAssessment } from './self-assessment';

const tasks = { assigned: 10, completed: 10, onTime: 10, exceeded: 3 };

describe('validateSelfAssessment', () => {
  it('adds up a valid sheet', () => {
    expect(validateSelfAssessment({ generalPoints: 27, taskPoints: 63, tasks }, DEFAULT_POLICY)).toEqual({
      ok: true,
      total: 90,
    });
    expect(
      validateSelfAssessment({ generalPoints: 27.5, taskPoints: 62.25, tasks, total: 89.75 }, DEFAULT_POLICY),
    ).toEqual({ ok: true, total: 89.75 });
    expect(validateSelfAssessment({ generalPoints: 0.1, taskPoints: 0.2, tasks }, DEFAULT_POLICY)).toEqual({
      ok: true,
      total: 0.3,
    });
    expect(validateSelfAssessment({ generalPoints: 30, taskPoints: 70, tasks, total: 100 }, DEFAULT_POLICY)).toEqual({
      ok: true,
      total: 100,
    });
    expect(validateSelfAssessment({ generalPoints: 0, taskPoints: 0, tasks }, DEFAULT_POLICY)).toEqual({
      ok: true,
      total: 0,
    });
  });

  it.each([
    [{ generalPoints: 31, taskPoints: 60 }, 'generalPoints', 'must be from 0 to 30'],
    [{ generalPoints: -1, taskPoints: 60 }, 'generalPoints', 'must be from 0 to 30'],
    [{ generalPoints: 20, taskPoints: 70.5 }, 'taskPoints', 'must be from 0 to 70'],
    [{ generalPoints: 20.125, taskPoints: 60 }, 'generalPoints', 'must have at most 2 decimals'],
    [{ generalPoints: '20', taskPoints: 60 }, 'generalPoints', 'must be a number'],
    [{ taskPoints: 60 }, 'generalPoints', 'is required'],
    [{ generalPoints: 20, taskPoints: 60, total: 81 }, 'total', 'must equal generalPoints + taskPoints (80)'],
    [{ generalPoints: 20, taskPoints: 60, total: 'x' }, 'total', 'must be a number'],
  ])('%o: %s %s', (points, field, reason) => {
    expect(validateSelfAssessment({ tasks, ...points }, DEFAULT_POLICY)).toEqual({
      ok: false,
      errors: [{ field, reason }],
    });
  });

  it('checks the task counts', () => {
    expect(validateSelfAssessment({ generalPoints: 20, taskPoints: 60 }, DEFAULT_POLICY)).toEqual({
      ok: false,
      errors: [{ field: 'tasks', reason: 'is required' }],
    });
    expect(
      validateSelfAssessment(
        { generalPoints: 20, taskPoints: 60, tasks: { assigned: 1.5, completed: -1, onTime: 0, exceeded: 0 } },
        DEFAULT_POLICY,
      ),
    ).toEqual({
      ok: false,
      errors: [
        { field: 'tasks.assigned', reason: 'must be a non-negative integer' },
        { field: 'tasks.completed', reason: 'must be a non-negative integer' },
      ],
    });
    expect(
      validateSelfAssessment(
        { generalPoints: 20, taskPoints: 60, tasks: { assigned: 5, completed: 6, onTime: 7, exceeded: 7 } },
        DEFAULT_POLICY,
      ),
    ).toEqual({
      ok: false,
      errors: [
        { field: 'tasks.completed', reason: 'must be <= tasks.assigned' },
        { field: 'tasks.onTime', reason: 'must be <= tasks.completed' },
        { field: 'tasks.exceeded', reason: 'must be <= tasks.completed' },
      ],
    });
  });

  it('reports every problem at once', () => {
    const out = validateSelfAssessment({ generalPoints: 40, taskPoints: 80, tasks: 'x' }, DEFAULT_POLICY);
    expect(out.ok).toBe(false);
    expect(!out.ok && out.errors.map((e) => e.field)).toEqual(['generalPoints', 'taskPoints', 'tasks']);
  });

  it('refuses a non-object', () => {
    expect(validateSelfAssessment(null, DEFAULT_POLICY)).toEqual({
      ok: false,
      errors: [{ field: 'selfAssessment', reason: 'must be an object' }],
    });
  });

  it('follows the policy maxima', () => {
    const p = resolvePolicy(
      [
        {
          effectiveFrom: '2020-01-01',
          effectiveTo: null,
          depth: 0,
          values: { rating: { generalMaxPoints: 40, tasksMaxPoints: 60 } },
        },
      ],
      '2026-01-01',
    );
    expect(validateSelfAssessment({ generalPoints: 40, taskPoints: 60, tasks }, p)).toEqual({ ok: true, total: 100 });
    expect(validateSelfAssessment({ generalPoints: 40, taskPoints: 61, tasks }, p)).toMatchObject({ ok: false });
  });
});
