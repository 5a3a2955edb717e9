/** An API field path such as `subjects.2.discipline.form` as an antd form name path. */
export const fieldPath = (field: string): (string | number)[] =>
  field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/** Optional text: trimmed, or undefined when blank (omitted fields keep their value on the API). */
export const textOrUndefined = (v: string | null | undefined): string | undefined => {
  const s = v?.trim();
  return s ? s : undefined;
};
