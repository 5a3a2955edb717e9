import vi from '../../locales/lazy/admin.vi.json';
import { addVietnamese } from '../../lib/lazy-locale';

// The Vietnamese texts of the administration screens load with them (lib/lazy-locale.ts); every module of the
// feature that renders them imports this.
addVietnamese(vi);
