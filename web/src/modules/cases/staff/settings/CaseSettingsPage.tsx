import { useCan } from '../../../../app/auth/permissions.ts';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { NotFoundPage } from '../../../../app/NotFoundPage.tsx';
import { PageHeading } from '../../../../app/PageHeading.tsx';
import { VerifyReportSettingCard } from './VerifyReportSettingCard.tsx';

/** `/m/cases/settings`: the campaign office's settings of the loop (cases.configure). */
export function CaseSettingsPage() {
  const t = useT();
  const can = useCan();
  if (!can('cases.configure')) return <NotFoundPage />;
  return (
    <>
      <PageHeading title={t('cases.settings.open')} />
      <VerifyReportSettingCard />
    </>
  );
}
