/** A GraphQL enum object (`registerEnumType`) from a list of string values kept in libs/domain: each value is its own name. */
export const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
