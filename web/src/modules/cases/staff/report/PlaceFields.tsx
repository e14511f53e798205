import { Select, Typography } from 'antd';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import type { CountyPlaces } from '../../casesApi.ts';
import { FieldError } from './ReportFields.tsx';

interface Props {
  townships: CountyPlaces['townships'];
  /** The reporter's own area: a village, a township, or the county. */
  scopeRegion: string;
  value?: string;
  onChange: (code: string | undefined) => void;
  error?: string;
}

/** The township a code lies in (区划 codes nest: 6, 9, 12 digits). */
export const townshipOf = (code: string | undefined) => (code && code.length >= 9 ? code.slice(0, 9) : undefined);

/** Where the report belongs, preset from the reporter's area: a township inspector only picks the village. */
export function initialRegion(scopeRegion: string): string | undefined {
  return scopeRegion.length >= 9 ? scopeRegion : undefined;
}

/**
 * 乡镇 and 村（社区）: fixed to the reporter's own when their area is one (the server refuses a place outside
 * it), a choice otherwise; the village is optional, the case then belongs to the township.
 */
export function PlaceFields({ townships, scopeRegion, value, onChange, error }: Props) {
  const t = useT();
  const townshipCode = townshipOf(value) ?? townshipOf(scopeRegion);
  const township = townships.find((tw) => tw.code === townshipCode);
  const villageFixed = scopeRegion.length === 12;
  const villages = township?.villages.filter((v) => !villageFixed || v.code === scopeRegion) ?? [];
  return (
    <div className="wm-place-fields">
      {scopeRegion.length >= 9 ? (
        <Typography.Text strong data-testid="staff-township-fixed">
          {township?.name ?? scopeRegion}
        </Typography.Text>
      ) : (
        <Select
          size="large"
          showSearch
          optionFilterProp="label"
          placeholder={t('staffReport.place.township')}
          aria-label={t('staffReport.place.township')}
          value={townshipCode}
          onChange={(code: string) => onChange(code)}
          options={townships.map((tw) => ({ value: tw.code, label: tw.name }))}
          status={error ? 'error' : undefined}
          data-testid="staff-township"
        />
      )}
      {villageFixed ? (
        <Typography.Text>{villages[0]?.name ?? scopeRegion}</Typography.Text>
      ) : (
        <Select
          size="large"
          showSearch
          allowClear
          optionFilterProp="label"
          placeholder={t('staffReport.place.village')}
          aria-label={t('staffReport.place.village')}
          disabled={!township}
          value={value && value.length === 12 ? value : undefined}
          onChange={(code: string | undefined) => onChange(code ?? townshipCode)}
          options={villages.map((v) => ({ value: v.code, label: v.name }))}
          data-testid="staff-village"
        />
      )}
      <FieldError message={error} />
    </div>
  );
}
