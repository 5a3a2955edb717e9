import { Injectable } from '@nestjs/common';
import { DomainError, searchWords } from '@chibo/domain';
import type { Actor } from '../../common/auth/actor';
import { MeetingService } from '../meeting/meeting.service';
import { MemberService } from '../member/member.service';
import { OrganisationService } from '../organisation/organisation.service';
import { SearchResults } from './search.model';

/** Longest text `search` takes (a name, a code or a title: the web's box takes as much). */
export const SEARCH_MAX_TEXT = 200;
/** Most rows of each kind one `search` answers. */
export const SEARCH_MAX_FIRST = 20;
export const SEARCH_DEFAULT_FIRST = 8;

/**
 * The one search box: members, organisations and meetings matching a text, each from its owner's service, scoped to
 * the caller inside the SQL. The text becomes at most a few folded words (libs/domain searchWords), each an indexed
 * "starts a word" condition, and each list is cut at `first`, so a keystroke costs three bounded index reads.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly members: MemberService,
    private readonly organisations: OrganisationService,
    private readonly meetings: MeetingService,
  ) {}

  async search(actor: Actor, text: string, first: number, asOf: string): Promise<SearchResults> {
    if (text.length > SEARCH_MAX_TEXT)
      throw new DomainError('VALIDATION', `The search text is longer than ${SEARCH_MAX_TEXT} characters`, 'text');
    if (!Number.isInteger(first) || first < 1 || first > SEARCH_MAX_FIRST)
      throw new DomainError('VALIDATION', `first must be 1 to ${SEARCH_MAX_FIRST}`, 'first');
    const trimmed = text.trim();
    const words = searchWords(trimmed);
    // A code is matched as typed (letters, digits, '.', '-', '_'); anything else is not a code.
    const code = /^[\p{L}\p{N}._-]+$/u.test(trimmed) ? trimmed : '';
    const [members, organisations, meetings] = await Promise.all([
      this.members.search(actor, words, asOf, first),
      this.organisations.search(actor, words, code, asOf, first),
      this.meetings.search(actor, words, first),
    ]);
    return Object.assign(new SearchResults(), { text: trimmed, members, organisations, meetings });
  }
}
