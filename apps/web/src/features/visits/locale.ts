import visitsVi from '../../locales/lazy/visits.vi.json';
import meetingsVi from '../../locales/lazy/meetings.vi.json';
import { addVietnamese } from '../../lib/lazy-locale';

// The Vietnamese texts of this feature's screens load with them (lib/lazy-locale.ts); every module of the feature
// that renders them imports this.
addVietnamese(visitsVi);
addVietnamese(meetingsVi);
