import { ApiError, apiErrorFromGraphQL } from './api-error';
import { saveBlobFile } from './download';
import { getSession } from './session';
import { fetchViewer } from './viewer';

/**
 * Downloads an Excel export from the API's HTTP route (GET /exports/<name>.xlsx, docs/exports.md): `args` are the
 * arguments of the matching GraphQL field, sent as JSON in `input`; the access token comes from the session module.
 * The answer is saved as `fileName`. An error answers like a GraphQL one ({ errors: [{ extensions: { code } }] })
 * and is thrown as an ApiError. A rejected token (401) is refreshed once through an ordinary GraphQL request, which
 * also signs the user out when the session is over.
 */
export const downloadExport = async (name: string, args: Record<string, unknown>, fileName: string): Promise<void> => {
  const url = `/exports/${name}.xlsx?input=${encodeURIComponent(JSON.stringify(args))}`;
  const get = async (): Promise<Response> => {
    const token = getSession()?.accessToken;
    try {
      return await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    } catch {
      throw new ApiError({ code: 'NETWORK_ERROR' });
    }
  };
  let response = await get();
  if (response.status === 401) {
    await fetchViewer();
    response = await get();
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { errors?: unknown[] } | null;
    if (body?.errors?.length) throw apiErrorFromGraphQL(body.errors[0], response.status);
    throw new ApiError({ code: response.status >= 500 ? 'SERVER_ERROR' : 'BAD_RESPONSE', status: response.status });
  }
  saveBlobFile(await response.blob(), fileName);
};
