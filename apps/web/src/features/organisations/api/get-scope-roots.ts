import { useQuery } from '@tanstack/react-query';
import { scopeRootsQueryOptions } from '../../../lib/scope-roots';
import type { IsoDate } from '../../../lib/domain';

export const useScopeRoots = (asOf: IsoDate) => useQuery(scopeRootsQueryOptions(asOf));
