import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import type { SearchQuery } from '../../../gql/graphql';
import { searchWords } from '../../../lib/domain';
import { request } from '../../../lib/graphql-client';

// The one search box (API `search`, docs/graphql.md#search): members, organisations and meetings of the caller's
// scope matching a text without diacritics, a few of each.

const SEARCH = graphql(`
  query Search($text: String!, $first: Int, $asOf: Date) {
    search(text: $text, first: $first, asOf: $asOf) {
      text
      members { id fullName status organisation { id name } }
      organisations { id code name kind }
      meetings { id title date kind organisation { id name } }
    }
  }
`);

/** Rows of each kind one search shows. */
export const SEARCH_FIRST = 8;
/** Longest text sent (the API refuses more than 200 characters). */
export const SEARCH_MAX_LENGTH = 100;

export type SearchHits = SearchQuery['search'];

/** The matches of `text` on `asOf`; nothing is asked while the text has no letter or digit. */
export const useSearch = (text: string, asOf: string) => {
  const words = searchWords(text);
  return useQuery({
    queryKey: ['search', { words, asOf }],
    queryFn: ({ signal }): Promise<SearchHits> =>
      request(SEARCH, { text: text.trim(), first: SEARCH_FIRST, asOf }, { signal }).then((d) => d.search),
    enabled: words.length > 0,
    placeholderData: keepPreviousData,
  });
};
