import vi from '../../locales/lazy/dues.vi.json';
import { addVietnamese } from '../../lib/lazy-locale';

// The Vietnamese texts of the dues screens load with them (lib/lazy-locale.ts); every module of the feature that
// renders text imports this.
addVietnamese(vi);
