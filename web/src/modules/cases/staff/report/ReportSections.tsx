import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import type { CaseLookups } from '../useCaseLookups.ts';
import { CapturePhotos } from './CapturePhotos.tsx';
import { CategorySearch } from './CategorySearch.tsx';
import { PlaceFields } from './PlaceFields.tsx';
import { AreaField, Section, TextField } from './ReportFields.tsx';
import type { ReportDraft } from './useReportDraft.ts';

/** What a staff report form is given: the draft, the catalogue and places, the reporter's own area. */
export interface ReportFormProps {
  report: ReportDraft;
  lookups: CaseLookups;
  scopeRegion: string;
}

/** 类别 by search, and the area when the category is measured in m² (the choice of another category clears it). */
export function CategorySection({ report, lookups }: { report: ReportDraft; lookups: CaseLookups }) {
  const t = useT();
  const { draft, change, errors } = report;
  const category = lookups.catalogue.categories.find((c) => c.code === draft.categoryCode);
  return (
    <Section label={t('staffReport.category.label')}>
      <CategorySearch
        categories={lookups.catalogue.categories}
        value={draft.categoryCode}
        onChange={(categoryCode) => change({ categoryCode, areaM2: undefined })}
        error={errors.categoryCode}
      />
      {category?.measureUnit === 'm2' && <AreaField value={draft.areaM2} onChange={change} error={errors.areaM2} />}
    </Section>
  );
}

/**
 * 地点: township and village preset from the reporter's area, then the address in words; the placeholder says
 * whether the words are needed (no position) or only help.
 */
export function PlaceSection(props: ReportFormProps & { addressNeeded: boolean }) {
  const t = useT();
  const { draft, change, errors } = props.report;
  return (
    <Section label={t('staffReport.place.label')}>
      <PlaceFields
        townships={props.lookups.places.townships}
        scopeRegion={props.scopeRegion}
        value={draft.regionCode}
        onChange={(regionCode) => change({ regionCode })}
        error={errors.regionCode}
      />
      <TextField
        report={props.report}
        name="address"
        placeholder={t(props.addressNeeded ? 'staffReport.address.needed' : 'staffReport.address.optional')}
        maxLength={200}
      />
    </Section>
  );
}

/** 照片: taken with the camera in the field, chosen from files at the desk (a caller's photos, if any). */
export function PhotosSection({ report, label, camera }: { report: ReportDraft; label: string; camera: boolean }) {
  return (
    <Section label={label}>
      <CapturePhotos
        photos={report.photos}
        onChange={report.setPhotos}
        uploads={report.uploads.picker}
        camera={camera}
        error={report.errors.photos}
      />
    </Section>
  );
}

/** 描述: a few words of what is seen in the field, or what the caller said at the desk. */
export function DescriptionSection(props: {
  report: ReportDraft;
  label: string;
  placeholder: string;
  maxLength: number;
  rows: number;
}) {
  return (
    <Section label={props.label}>
      <TextField
        report={props.report}
        name="description"
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        rows={props.rows}
      />
    </Section>
  );
}
