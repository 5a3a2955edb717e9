import { DomainError } from '../errors';
import type { Label } from '../labels';
import { DISCIPLINE_FORMS, type DisciplineForm } from '../member/discipline';
import type { Policy } from '../policy';
import {
  isCollectiveSubject,
  RATING_LEVELS,
  ratingRank,
  worseLevel,
  type RatingLevel,
  type RatingSubjectKind,
} from './kinds';

/** How many of each level; used for a collective's members (HD 21) and for quota and figure counts. */
export type LevelCounts = Record<RatingLevel, number>;

/** Zero of every level. */
export const emptyLevelCounts = (): LevelCounts => ({ HTXSNV: 0, HTTNV: 0, HTNV: 0, KHTNV: 0 });

/** Counts of a list of levels. */
export const countLevels = (levels: Iterable<RatingLevel>): LevelCounts => {
  const counts = emptyLevelCounts();
  for (const l of levels) counts[l] += 1;
  return counts;
};

/**
 * The year's tasks of the subject. `onTime` and `exceeded` are among `completed`; late = completed − onTime.
 * Shares are of `assigned`; with no task assigned every task condition holds.
 */
export type TaskCounts = { assigned: number; completed: number; onTime: number; exceeded: number };

/** The facts the level rule needs besides the score. */
export type RatingConditions = {
  subjectKind: RatingSubjectKind;
  tasks: TaskCounts;
  /** The subject itself (member or organisation) was disciplined during the year. */
  disciplinedInYear?: boolean;
  /** A member: all shortcomings pointed out earlier have been fixed (QĐ 366, needed for HTXSNV). Default true. */
  shortcomingsFixed?: boolean;
  /** A collective: the discipline forms imposed during the year on members of its leadership (cấp ủy). */
  leadershipDisciplineForms?: readonly DisciplineForm[];
  /** A collective: its subordinate units, and how many of them were disciplined during the year. */
  subordinates?: { total: number; disciplined: number };
  /** A collective: the levels of its rated members (a cell) or of its subordinate organisations (a committee), for HD 21. */
  constituentLevels?: LevelCounts;
};

export type RatingInput = RatingConditions & {
  /** The total score out of the policy's generalMaxPoints + tasksMaxPoints (100). */
  score: number;
};

/** Why a level is lower than the score alone would give. */
export const RATING_CAP_REASONS = [
  'TASKS_NOT_EXCEEDED',
  'TASKS_NOT_ON_TIME',
  'TASKS_NOT_COMPLETED',
  'TASKS_TOO_LATE',
  'OWN_DISCIPLINE',
  'SHORTCOMINGS_NOT_FIXED',
  'LEADERSHIP_DISCIPLINE',
  'SUBORDINATES_DISCIPLINED',
  'MEMBER_MIX',
] as const;

export type RatingCapReason = (typeof RATING_CAP_REASONS)[number];

export const RATING_CAP_REASON_LABELS: Record<RatingCapReason, Label> = {
  TASKS_NOT_EXCEEDED: { vi: 'Chưa đạt tỷ lệ nhiệm vụ vượt mức', en: 'Too few tasks exceeded' },
  TASKS_NOT_ON_TIME: { vi: 'Chưa hoàn thành 100% nhiệm vụ đúng tiến độ', en: 'Not every task done on time' },
  TASKS_NOT_COMPLETED: { vi: 'Chưa hoàn thành 100% nhiệm vụ', en: 'Not every task done' },
  TASKS_TOO_LATE: { vi: 'Tỷ lệ nhiệm vụ chậm tiến độ vượt mức cho phép', en: 'Too many tasks late' },
  OWN_DISCIPLINE: { vi: 'Bị kỷ luật trong năm', en: 'Disciplined during the year' },
  SHORTCOMINGS_NOT_FIXED: { vi: 'Chưa khắc phục hạn chế, khuyết điểm đã chỉ ra', en: 'Earlier shortcomings not fixed' },
  LEADERSHIP_DISCIPLINE: {
    vi: 'Có thành viên cấp ủy bị kỷ luật trong năm',
    en: 'A member of the leadership disciplined during the year',
  },
  SUBORDINATES_DISCIPLINED: {
    vi: 'Có tổ chức trực thuộc bị kỷ luật trong năm',
    en: 'Subordinate units disciplined during the year',
  },
  MEMBER_MIX: {
    vi: 'Kết quả xếp loại đảng viên (tổ chức trực thuộc) chưa đạt yêu cầu',
    en: "Members' (subordinate units') levels too low",
  },
};

export type RatingCap = { reason: RatingCapReason; ceiling: RatingLevel };

export type RatingOutcome = {
  /** The level: the score's level lowered by every cap. */
  level: RatingLevel;
  /** The level from the score alone. */
  scoreLevel: RatingLevel;
  /** The conditions that lowered the level below `scoreLevel`, in RATING_CAP_REASONS order, each with the best level it allows. */
  caps: RatingCap[];
};

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

const bad = (field: string, message: string): DomainError => new DomainError('VALIDATION', message, field);

/** The level a score alone gives under the policy (90/70/50 by default). Throws VALIDATION ('score') outside 0..max. */
export const levelForScore = (score: number, policy: Policy): RatingLevel => {
  const r = policy.rating;
  const max = r.generalMaxPoints + r.tasksMaxPoints;
  if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > max)
    throw bad('score', `The score must be from 0 to ${max}, got ${score}`);
  if (score >= r.excellentMinScore) return 'HTXSNV';
  if (score >= r.wellCompletedMinScore) return 'HTTNV';
  if (score >= r.completedMinScore) return 'HTNV';
  return 'KHTNV';
};

const checkTasks = (t: TaskCounts): void => {
  for (const key of ['assigned', 'completed', 'onTime', 'exceeded'] as const) {
    if (!isCount(t?.[key])) throw bad(`tasks.${key}`, `tasks.${key} must be a non-negative integer`);
  }
  if (t.completed > t.assigned) throw bad('tasks.completed', 'More tasks completed than assigned');
  if (t.onTime > t.completed) throw bad('tasks.onTime', 'More tasks done on time than completed');
  if (t.exceeded > t.completed) throw bad('tasks.exceeded', 'More tasks exceeded than completed');
};

// Integer shares: part / whole >= pct% without floating point.
const atLeastPct = (part: number, whole: number, pct: number): boolean => part * 100 >= pct * whole;
const moreThanPct = (part: number, whole: number, pct: number): boolean => part * 100 > pct * whole;

const severity = (form: DisciplineForm): number => DISCIPLINE_FORMS.indexOf(form);

/**
 * The level of a member or an organisation under the policy (docs/rules.md#r-rating-level, QĐ 366 Article 11, HD 21 defaults):
 *
 * - from the score: >= 90 HTXSNV, >= 70 HTTNV, >= 50 HTNV, else KHTNV;
 * - HTXSNV needs >= 30% of the tasks exceeded (else at most HTTNV, TASKS_NOT_EXCEEDED) and every task on time (below);
 * - HTTNV needs every task done on time (else at most HTNV, TASKS_NOT_ON_TIME);
 * - HTNV needs every task done (TASKS_NOT_COMPLETED) and, for a collective, at most 20% of them late (TASKS_TOO_LATE);
 * - own discipline in the year: at most `ownDisciplineCeiling` (KHTNV) (OWN_DISCIPLINE);
 * - a member whose earlier shortcomings are not fixed: not HTXSNV (SHORTCOMINGS_NOT_FIXED);
 * - a collective whose leadership was disciplined: not HTXSNV, and at most `leadershipDisciplineCeiling` (KHTNV)
 *   for `leadershipSevereForm` (cảnh cáo) or heavier (LEADERSHIP_DISCIPLINE);
 * - a collective with subordinate units disciplined: not HTXSNV, and KHTNV when more than 20% of them were
 *   (SUBORDINATES_DISCIPLINED);
 * - HD 21: a collective is HTTNV or better only when 100% of its rated members (subordinate organisations) are
 *   HTNV or better and >= 50% HTTNV or better, else at most HTNV (MEMBER_MIX).
 *
 * Collective-only inputs are ignored for a member. Throws VALIDATION with the field for a bad score or task counts.
 */
export const ratingCaps = (input: RatingConditions, policy: Policy): RatingCap[] => {
  const r = policy.rating;
  checkTasks(input.tasks);
  const collective = isCollectiveSubject(input.subjectKind);
  const { assigned, completed, onTime, exceeded } = input.tasks;
  const all: RatingCap[] = [];
  const cap = (reason: RatingCapReason, ceiling: RatingLevel): void => {
    all.push({ reason, ceiling });
  };

  if (!atLeastPct(exceeded, assigned, r.exceedMinPercent)) cap('TASKS_NOT_EXCEEDED', 'HTTNV');
  if (onTime < assigned) cap('TASKS_NOT_ON_TIME', 'HTNV');
  if (completed < assigned) cap('TASKS_NOT_COMPLETED', 'KHTNV');
  if (collective && moreThanPct(completed - onTime, assigned, r.lateMaxPercent)) cap('TASKS_TOO_LATE', 'KHTNV');
  if (input.disciplinedInYear) cap('OWN_DISCIPLINE', r.ownDisciplineCeiling);
  if (!collective && input.shortcomingsFixed === false) cap('SHORTCOMINGS_NOT_FIXED', 'HTTNV');

  if (collective) {
    const forms = input.leadershipDisciplineForms ?? [];
    forms.forEach((f, i) => {
      if (!DISCIPLINE_FORMS.includes(f))
        throw bad(`leadershipDisciplineForms[${i}]`, `Not a discipline form: ${String(f)}`);
    });
    if (forms.length > 0) {
      const severe = forms.some((f) => severity(f) >= severity(r.leadershipSevereForm));
      cap('LEADERSHIP_DISCIPLINE', severe ? worseLevel('HTTNV', r.leadershipDisciplineCeiling) : 'HTTNV');
    }
    const sub = input.subordinates;
    if (sub) {
      if (!isCount(sub.total)) throw bad('subordinates.total', 'subordinates.total must be a non-negative integer');
      if (!isCount(sub.disciplined) || sub.disciplined > sub.total)
        throw bad('subordinates.disciplined', 'subordinates.disciplined must be from 0 to subordinates.total');
      if (sub.disciplined > 0)
        cap(
          'SUBORDINATES_DISCIPLINED',
          moreThanPct(sub.disciplined, sub.total, r.subordinatesDisciplinedMaxPercent) ? 'KHTNV' : 'HTTNV',
        );
    }
    const mix = input.constituentLevels;
    if (mix) {
      for (const l of RATING_LEVELS)
        if (!isCount(mix[l]))
          throw bad(`constituentLevels.${l}`, `constituentLevels.${l} must be a non-negative integer`);
      const total = mix.HTXSNV + mix.HTTNV + mix.HTNV + mix.KHTNV;
      const ok =
        total === 0 ||
        (atLeastPct(total - mix.KHTNV, total, r.mixCompletedPercent) &&
          atLeastPct(mix.HTXSNV + mix.HTTNV, total, r.mixWellCompletedPercent));
      if (!ok) cap('MEMBER_MIX', 'HTNV');
    }
  }

  return all;
};

/** See ratingCaps for the conditions; the level is the score's level lowered by every cap that applies. */
export const computeRatingLevel = (input: RatingInput, policy: Policy): RatingOutcome => {
  const scoreLevel = levelForScore(input.score, policy);
  const all = ratingCaps(input, policy);
  // Keep only the caps that lowered the level below the score's.
  const caps = all.filter((c) => ratingRank(c.ceiling) > ratingRank(scoreLevel));
  const level = caps.reduce<RatingLevel>((acc, c) => worseLevel(acc, c.ceiling), scoreLevel);
  return { level, scoreLevel, caps };
};

/** The best level the conditions allow (whatever the score), and every condition that lowers it below HTXSNV. */
export type LevelCap = { ceiling: RatingLevel; causes: RatingCap[] };

/**
 * The cap a proposal or a decision must respect: the worst ceiling among every condition of `ratingCaps` that applies
 * (HTXSNV when none does). Unlike computeRatingLevel it ignores the score: the reviewing body may judge the score
 * differently, but not lift a condition of the rules (own discipline, tasks not done, the leadership disciplined…).
 */
export const ratingLevelCap = (input: RatingConditions, policy: Policy): LevelCap => {
  const causes = ratingCaps(input, policy).filter((c) => c.ceiling !== 'HTXSNV');
  const ceiling = causes.reduce<RatingLevel>((acc, c) => worseLevel(acc, c.ceiling), 'HTXSNV');
  return { ceiling, causes };
};

/**
 * Refuses a level above the cap: VALIDATION with reason RATING_LEVEL_ABOVE_CAP on `field`, naming the cap and the
 * conditions that set it (details: cap, causes [{ reason, ceiling }] of every condition the level breaks).
 */
export const assertLevelWithinCap = (level: RatingLevel, cap: LevelCap, field = 'level'): void => {
  if (ratingRank(level) >= ratingRank(cap.ceiling)) return;
  const broken = cap.causes.filter((c) => ratingRank(level) < ratingRank(c.ceiling));
  throw new DomainError(
    'VALIDATION',
    `${level} is above ${cap.ceiling}, the best level the rules allow here (${broken.map((c) => `${c.reason}: at most ${c.ceiling}`).join('; ')})`,
    field,
    { reason: 'RATING_LEVEL_ABOVE_CAP', cap: cap.ceiling, causes: broken },
  );
};
