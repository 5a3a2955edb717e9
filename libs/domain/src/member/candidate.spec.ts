import { DomainError } from '../errors';
import {
  advanceCandidate,
  CANDIDATE_STAGE_LABELS,
  CANDIDATE_STAGES,
  courseCertificateValid,
  isFinalCandidateStage,
  nextCandidateStages,
  type CandidateStage,
} from './candidate';

const ALLOWED = new Set([
  'PROMISING>SYMPATHISER',
  'PROMISING>DROPPED',
  'SYMPATHISER>COURSE_COMPLETED',
  'SYMPATHISER>DROPPED',
  'COURSE_COMPLETED>ADMITTED',
  'COURSE_COMPLETED>DROPPED',
]);
const pairs = CANDIDATE_STAGES.flatMap((from) =>
  CANDIDATE_STAGES.map((to) => [from, to, ALLOWED.has(`${from}>${to}`)] as const),
);

describe('advanceCandidate', () => {
  it.each(pairs)('%s → %s allowed: %s', (from: CandidateStage, to: CandidateStage, ok) => {
    if (ok) {
      expect(advanceCandidate(from, to)).toBe(to);
      return;
    }
    try {
      advanceCandidate(from, to);
      throw new Error('expected a DomainError');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('INVALID_STATUS_TRANSITION');
      expect((e as DomainError).field).toBe('stage');
    }
  });
  it('lists next stages and final ones', () => {
    expect(nextCandidateStages('PROMISING')).toEqual(['SYMPATHISER', 'DROPPED']);
    expect(nextCandidateStages('ADMITTED')).toEqual([]);
    expect(CANDIDATE_STAGES.filter(isFinalCandidateStage)).toEqual(['ADMITTED', 'DROPPED']);
  });
  it('has Vietnamese labels', () => {
    expect(CANDIDATE_STAGES.map((s) => CANDIDATE_STAGE_LABELS[s].vi)).toEqual([
      'Quần chúng ưu tú',
      'Cảm tình Đảng',
      'Đã học lớp bồi dưỡng nhận thức về Đảng',
      'Đã kết nạp',
      'Dừng xem xét',
    ]);
  });
});

describe('courseCertificateValid', () => {
  it.each([
    ['2020-03-10', '2020-03-09', false],
    ['2020-03-10', '2020-03-10', true],
    ['2020-03-10', '2025-03-10', true],
    ['2020-03-10', '2025-03-11', false],
    ['2020-02-29', '2025-02-28', true],
    ['2020-02-29', '2025-03-01', false],
  ])('course %s on %s → %s', (course, asOf, ok) => expect(courseCertificateValid(course, asOf)).toBe(ok));
  it('takes another validity', () => {
    expect(courseCertificateValid('2020-03-10', '2023-03-11', 3)).toBe(false);
  });
});
