import { allowedDisciplineForms, type DecidingBody, type DisciplineForm, type MemberStatus } from '../../../lib/domain';

/**
 * The discipline forms a deciding body may impose on a member of this status (libs/domain allowedDisciplineForms,
 * the rule the API applies: a probationary member only reprimand or warning; a cell only reprimand or warning).
 * Empty for anyone who is not a current member, and for a body without authority (a chi ủy).
 */
export const allowedForms = (
  status: MemberStatus | null | undefined,
  body: DecidingBody | null | undefined,
): DisciplineForm[] => allowedDisciplineForms(status, body);
