import type { CSSProperties, ReactNode } from 'react';

export type FilterField = {
  /** The control's id (the label points at it). */
  id: string;
  label: string;
  /** Width from the md breakpoint on, of 24. */
  md: number;
  /** Width below the md breakpoint, of 24 (default: the full width). */
  xs?: number;
  control: ReactNode;
};

type Props = {
  fields: FilterField[];
  /** The form's accessible name; with it the form is a search landmark. */
  label?: string;
  /** false: one field alone, without the gutter and the space under it. */
  compact?: boolean;
};

/**
 * The filters of a report page: labelled controls in one row (stacked on small screens). The look of antd's vertical
 * form in a grid row (styles.css, `filter-form`), without antd's form code: the dashboard's filter is on the first
 * screen, and a filter needs no validation.
 */
export const FilterForm = ({ fields, label, compact = false }: Props) => (
  <div
    className={compact ? 'filter-form filter-form--compact' : 'filter-form'}
    role={compact && label === undefined ? undefined : 'search'}
    aria-label={label}
  >
    {fields.map((f) => (
      <div
        key={f.id}
        className="filter-form__field"
        style={{ '--filter-span': f.md, '--filter-span-xs': f.xs } as CSSProperties}
      >
        <label htmlFor={f.id} className="filter-form__label">
          {f.label}
        </label>
        {f.control}
      </div>
    ))}
  </div>
);
