import meetingsVi from '../../locales/lazy/meetings.vi.json';
import { addVietnamese } from '../../lib/lazy-locale';

// The Vietnamese texts of this feature's screens load with them (lib/lazy-locale.ts); every module of the feature
// that renders them imports this.
addVietnamese(meetingsVi);
