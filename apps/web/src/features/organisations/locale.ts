import vi from '../../locales/lazy/restructure.vi.json';
import { addVietnamese } from '../../lib/lazy-locale';

// The Vietnamese texts of the merge and split dialogs and of a cell's visitors load with them (lib/lazy-locale.ts);
// every module that renders them imports this. The rest of the organisation page's texts are in vi.json.
addVietnamese(vi);
