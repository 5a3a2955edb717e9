import { addScreenTexts } from '../../lib/i18n';
import en from '../../locales/admin.en.json';
import vi from '../../locales/admin.vi.json';

// The administration's texts (vi and en) travel with its lazily loaded chunk, not the entry: imported for its
// effect by routes/admin-route.tsx before anything of the screen renders.
addScreenTexts({ vi, en });
