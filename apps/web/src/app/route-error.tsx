import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';

// What the user sees when a page fails to render (a chunk that does not load, a bug): a Vietnamese message with a
// way on, inside the app frame when the frame itself still works. A new version deployed while the tab was open
// makes the old chunk names answer 404: that triggers one reload to the new version, not an error page.

const RELOAD_KEY = 'chibo.reloadedForNewVersionAt';
const RELOAD_WINDOW_MS = 60_000;

/** Whether an error is a script chunk that could not be loaded (network down, or an older version's asset name). */
export const isChunkLoadError = (error: unknown): boolean =>
  /dynamically imported module|Importing a module script failed|error loading dynamically imported module|Unable to preload CSS/i.test(
    String((error as { message?: unknown } | null)?.message ?? error),
  );

/** Reloads the page once per minute at most (so a chunk that really is missing cannot loop); true when it reloads. */
export const reloadOnceForNewVersion = (): boolean => {
  try {
    const last = Number(sessionStorage.getItem(RELOAD_KEY) ?? 0);
    if (Date.now() - last < RELOAD_WINDOW_MS) return false;
    sessionStorage.setItem(RELOAD_KEY, String(Date.now()));
  } catch {
    return false; // no session storage: never reload automatically
  }
  window.location.reload();
  return true;
};

/** The error element of every route. */
export const RouteError = () => {
  const { t } = useTranslation();
  const error = useRouteError();
  const chunk = isChunkLoadError(error);
  useEffect(() => {
    if (chunk) reloadOnceForNewVersion();
  }, [chunk]);
  // the details go to the console for support, never to the page
  useEffect(() => console.error(error), [error]);
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <div role="alert" className="route-error" data-testid="route-error">
      <h1>{notFound ? t('routeError.notFoundTitle') : chunk ? t('routeError.chunkTitle') : t('routeError.title')}</h1>
      <p>{notFound ? t('routeError.notFound') : chunk ? t('routeError.chunk') : t('routeError.body')}</p>
      <p className="route-error-actions">
        <button type="button" onClick={() => window.location.reload()} data-testid="route-error-retry">
          {t('routeError.retry')}
        </button>
        <a href="/">{t('routeError.home')}</a>
      </p>
    </div>
  );
};
