import { useQuery } from '@tanstack/react-query';
import type { IsoDate } from '../../../lib/api-types';
import { scopeRootsQueryOptions } from '../../../lib/scope-roots';

export const useScopeRoots = (asOf: IsoDate) => useQuery(scopeRootsQueryOptions(asOf));
