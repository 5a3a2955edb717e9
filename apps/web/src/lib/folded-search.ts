import type { ReactNode } from 'react';
import { matchesFolded } from './domain';

// The one way a searchable list of the web app matches what is typed: every word typed, without tones or
// diacritics and with đ as d, starts a word of the option ("nguyen van" finds "Nguyễn Văn An", "dien luc" finds
// "Chi bộ Điện lực", "an" finds "Nguyễn Văn An" but not "Trần Văn Toản"), as the API's member search does.
// antd's own filter compares the text as written, so a name typed without diacritics finds nothing.

/** An option of a searchable select: its `search` text when its label is not plain text, else its label. */
type Searchable = { label?: ReactNode; title?: unknown; search?: string };

const textOf = (option: Searchable | undefined): string => {
  if (!option) return '';
  if (typeof option.search === 'string') return option.search;
  const shown = option.label ?? option.title;
  return typeof shown === 'string' || typeof shown === 'number' ? String(shown) : '';
};

/** Whether `option` matches the text typed (`input`), diacritics and tones ignored. */
export const matchesTyped = (input: string, option?: Searchable): boolean => matchesFolded(textOf(option), input);

/** The `showSearch` of an antd Select whose options are filtered here: `<Select showSearch={foldedSearch} …/>`. */
export const foldedSearch = { filterOption: matchesTyped } as const;

/** The `showSearch` of an antd TreeSelect whose nodes are filtered here, by their title. */
export const foldedTreeSearch = {
  filterTreeNode: (input: string, node: Searchable) => matchesTyped(input, node),
} as const;
