import type { FormInstance } from 'antd';
import { useEffect } from 'react';
import { useErrorMessage } from './use-error-message';

type NamePath = string | (string | number)[];
const asIs = (field: string): NamePath => field;

/**
 * Puts the API's field errors next to the form's inputs (fields whose first path segment is in `fields`; `nameOf`
 * maps an API field path to the form's name) and returns the message to show above the form when the error names
 * no field of the form (or none at all); null when there is nothing to show there.
 */
export const useServerFieldErrors = (
  form: FormInstance,
  error: unknown,
  fields: ReadonlySet<string>,
  nameOf: (field: string) => NamePath = asIs,
): string | null => {
  const { message, fieldMessages } = useErrorMessage();
  useEffect(() => {
    if (!error) return;
    form.setFields(
      Object.entries(fieldMessages(error))
        .filter(([field]) => fields.has(field.split('.')[0]))
        .map(([field, msg]) => ({ name: nameOf(field) as never, errors: [msg] })),
    );
  }, [error, fieldMessages, form, fields, nameOf]);
  if (!error) return null;
  const named = Object.keys(fieldMessages(error));
  const unplaced = named.filter((k) => !fields.has(k.split('.')[0]));
  return unplaced.length > 0 || named.length === 0 ? message(error) : null;
};
