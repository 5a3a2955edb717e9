import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Label for a code that the API may extend (event types, discipline forms, change types):
 * `${prefix}.${code}` when the locale has it, otherwise the given fallback key with {{code}}.
 */
export const useDynamicLabel = () => {
  const { t, i18n } = useTranslation();
  return useCallback(
    (prefix: string, code: string, fallbackKey: string): string => {
      const key = `${prefix}.${code}`;
      // keys built at run time cannot be checked by the compiler, hence the casts to a known key
      if (i18n.exists(key)) return t(key as 'common.none');
      return t(fallbackKey as 'common.none', { code });
    },
    [t, i18n],
  );
};
