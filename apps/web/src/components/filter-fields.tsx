import { useQuery } from '@tanstack/react-query';
import { Suspense, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../lib/domain';
import { scopeRootsQueryOptions } from '../lib/scope-roots';
import { organisationNameQueryOptions } from './organisation-link';
import { LightField } from './ui/light-field';
import { lazyWithAntd, loadAntdTheme } from '../app/antd-lazy';

// The organisation and year filters of the dashboard and the alert list as light fields until first used, like the
// header's date: antd's tree select and select (their own chunks) replace them, open and focused, on the first click
// or key, so the first screen does not download them.
const loadPicker = () => Promise.all([import('./organisation-picker'), loadAntdTheme()]).then(([m]) => m);
const OrganisationPicker = lazyWithAntd(() => loadPicker().then((m) => m.OrganisationPicker));
const loadYear = () => Promise.all([import('./year-select'), loadAntdTheme()]).then(([m]) => m);
const YearSelect = lazyWithAntd(() => loadYear().then((m) => m.YearSelect));

const FULL = { width: '100%' };

const Swap = ({
  id,
  text,
  load,
  real,
}: {
  id: string;
  text: string;
  load: () => Promise<unknown>;
  real: ReactElement;
}) => {
  const [active, setActive] = useState(false);
  const light = (
    <LightField
      id={id}
      text={text}
      icon="select"
      style={FULL}
      onPrefetch={() => void load().catch(() => undefined)}
      onActivate={() => setActive(true)}
    />
  );
  return active ? <Suspense fallback={light}>{real}</Suspense> : light;
};

type PickerProps = {
  id: string;
  asOf: IsoDate;
  value: string | null;
  onChange: (organisationId: string | null) => void;
};

/** The organisation filter: its name in a light field, then antd's tree select (components/organisation-picker.tsx). */
export const OrganisationFilterField = ({ id, asOf, value, onChange }: PickerProps) => {
  const { t } = useTranslation();
  // the same queries as the picker's own label: the scope roots (shared with the side tree), else the name
  const roots = useQuery(scopeRootsQueryOptions(asOf));
  const rootName = roots.data?.find((r) => r.id === value)?.name;
  const name = useQuery({
    ...organisationNameQueryOptions(value ?? '', asOf),
    enabled: Boolean(value) && roots.isSuccess && rootName === undefined,
  });
  const text = value ? (rootName ?? name.data ?? t('app.loading')) : '';
  return (
    <Swap
      id={id}
      text={text}
      load={loadPicker}
      real={<OrganisationPicker id={id} asOf={asOf} value={value} onChange={onChange} autoFocus />}
    />
  );
};

type YearProps = { id: string; value: number; latest: number; onChange: (year: number) => void };

/** The year filter: the year in a light field, then antd's select (components/year-select.tsx). */
export const YearFilterField = ({ id, value, latest, onChange }: YearProps) => (
  <Swap
    id={id}
    text={String(value)}
    load={loadYear}
    real={<YearSelect id={id} value={value} latest={latest} onChange={onChange} autoFocus />}
  />
);
