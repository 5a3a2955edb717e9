import membersVi from '../../locales/lazy/members.vi.json';
import { addVietnamese } from '../../lib/lazy-locale';

// The Vietnamese texts of this feature's screens load with them (lib/lazy-locale.ts); every module of the feature
// that renders them imports this.
addVietnamese(membersVi);
