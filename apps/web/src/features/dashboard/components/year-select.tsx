/** ?year= as a number, else the as-of date's year; never after it (the API refuses a later one). */
export const dashboardYear = (raw: string | null, latest: number): number => {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1930 && n <= latest ? n : latest;
};
