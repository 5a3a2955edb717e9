import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/decorators';
import { DateScalar } from '../../common/graphql/scalars';
import { today } from '../../database/sql';
import { SearchResults } from './search.model';
import { SEARCH_DEFAULT_FIRST, SEARCH_MAX_FIRST, SEARCH_MAX_TEXT, SearchService } from './search.service';

@Resolver()
export class SearchResolver {
  constructor(private readonly service: SearchService) {}

  @Query(() => SearchResults, {
    description:
      "The one search box: the members, organisations and meetings of your scope matching a name, code or title typed with or without diacritics (docs/graphql.md#search). Each word must start a word of the name ('an' finds 'Nguyễn Văn An', not 'Văn'); at most 6 words are used. Rows outside your scope never appear.",
  })
  search(
    @CurrentActor() actor: Actor,
    @Args('text', { description: `What was typed: up to ${SEARCH_MAX_TEXT} characters (VALIDATION beyond).` })
    text: string,
    @Args('first', {
      type: () => Int,
      nullable: true,
      description: `At most this many rows of each kind, 1 to ${SEARCH_MAX_FIRST} (default ${SEARCH_DEFAULT_FIRST}).`,
    })
    first?: number | null,
    @Args('asOf', {
      type: () => DateScalar,
      nullable: true,
      description: 'Date of the tree and of the members (default today); meetings are found whatever their date.',
    })
    asOf?: string | null,
  ): Promise<SearchResults> {
    return this.service.search(actor, text, first ?? SEARCH_DEFAULT_FIRST, asOf ?? today());
  }
}
