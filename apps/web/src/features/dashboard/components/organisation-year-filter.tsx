import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OrganisationFilterField, YearFilterField } from '../../../components/filter-fields';
import { LightCard } from '../../../components/ui/light';
import { useAsOf } from '../../../lib/as-of';
import { useUrlParams } from '../../../lib/url-params';
import { useDefaultOrganisationId } from '../../../lib/scope-roots';
import { FilterForm } from '../../../components/filter-form';
import { dashboardYear } from './year-select';

/**
 * ?org= and ?year= of the dashboard and the alert list: the organisation (the caller's first scope root when none is
 * given) and the year (the as-of date's year unless an earlier one is asked for).
 */
export const useOrganisationYear = () => {
  const asOf = useAsOf();
  const url = useUrlParams();
  const latest = Number(asOf.asOf.slice(0, 4));
  const year = dashboardYear(url.params.get('year'), latest);
  const orgParam = url.params.get('org');
  const root = useDefaultOrganisationId(asOf.asOf, !orgParam);
  return { ...asOf, ...url, latest, year, orgId: orgParam ?? root.data ?? null };
};

type Props = {
  /** 'dashboard' or 'alerts': the ids of the fields and the keys of their labels. */
  page: 'dashboard' | 'alerts';
  asOf: string;
  organisationId: string | null;
  year: number;
  latest: number;
  /** A change of organisation or year, as URL parameters (the page adds what it resets). */
  onChange: (patch: { org?: string | null; year?: string | null }) => void;
  children?: ReactNode;
};

/** The filter card of the dashboard and the alert list: organisation and year, then what the page adds. */
export const OrganisationYearFilter = ({ page, asOf, organisationId, year, latest, onChange, children }: Props) => {
  const { t } = useTranslation();
  return (
    <LightCard>
      <FilterForm
        label={t(`${page}.filters`)}
        fields={[
          {
            id: `${page}-org`,
            label: t(`${page}.organisation`),
            md: 16,
            control: (
              <OrganisationFilterField
                key={asOf}
                id={`${page}-org`}
                asOf={asOf}
                value={organisationId}
                onChange={(id) => onChange({ org: id })}
              />
            ),
          },
          {
            id: `${page}-year`,
            label: t(`${page}.year`),
            md: 8,
            control: (
              <YearFilterField
                id={`${page}-year`}
                value={year}
                latest={latest}
                onChange={(y) => onChange({ year: y === latest ? null : String(y) })}
              />
            ),
          },
        ]}
      />
      {children}
    </LightCard>
  );
};
