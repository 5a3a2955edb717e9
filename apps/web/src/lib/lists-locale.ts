import listsVi from '../locales/lazy/lists.vi.json';
import { addVietnamese } from './lazy-locale';

// The Vietnamese texts of the lists' shared tools (saved filters, column chooser: components/saved-filters.tsx,
// components/column-chooser.tsx) load with them, not with the first screen.
addVietnamese(listsVi);
