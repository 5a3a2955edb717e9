import syncVi from '../../locales/lazy/sync.vi.json';
import { addVietnamese } from '../../lib/lazy-locale';

// The Vietnamese texts of the page of changes waiting to be sent load with it (lib/lazy-locale.ts).
addVietnamese(syncVi);
