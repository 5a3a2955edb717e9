import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { translateApiError, translateFieldErrors } from './api-error';

/** Translates an ApiError (or anything thrown) into the current language by its reason code. */
export const useErrorMessage = () => {
  const { t, i18n } = useTranslation();
  const exists = useCallback((key: string) => i18n.exists(key), [i18n]);
  return {
    message: useCallback((error: unknown) => translateApiError(t, exists, error), [t, exists]),
    fieldMessages: useCallback((error: unknown) => translateFieldErrors(t, exists, error), [t, exists]),
  };
};
