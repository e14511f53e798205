import { Alert, Flex, Skeleton } from 'antd';
import { useCallback } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { useCan } from '../../../app/auth/permissions.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { LoadFailure } from '../../../app/LoadFailure.tsx';
import { modulePath } from '../../../app/modules.ts';
import { PageHeading } from '../../../app/PageHeading.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { useFromList } from '../detail/MerchantPage.tsx';
import { type Merchant, merchantsApi } from '../merchantsApi.ts';
import { merchantPath } from '../registry/MerchantList.tsx';
import { MerchantForm } from './MerchantForm.tsx';

/** Who may open the form: those who keep the registry; anyone else is told so, with no request made. */
function useFormAccess() {
  const t = useT();
  const can = useCan();
  const { session } = useAuth();
  const scopeRegion = session.status === 'signed-in' ? session.user.scopeRegion : '';
  const refusal = can('merchants.manage') ? null : (
    <Alert
      type="warning"
      showIcon
      title={t('forbidden.title')}
      description={t('forbidden.description')}
      data-testid="forbidden"
    />
  );
  return { scopeRegion, refusal };
}

/** `/m/merchants/new`: 登记商户. Saved, it opens the new merchant's page. */
export function RegisterMerchantPage() {
  const t = useT();
  const navigate = useNavigate();
  const { scopeRegion, refusal } = useFormAccess();
  return (
    <Flex vertical gap={16} className="wm-merchant-form-page">
      <PageHeading title={t('merchants.form.registerTitle')} intro={t('merchants.form.registerIntro')} />
      {refusal ?? (
        <MerchantForm
          scopeRegion={scopeRegion}
          onSaved={(saved) => navigate(merchantPath(saved.id), { replace: true })}
          onCancel={() => navigate(modulePath('merchants'))}
          onReload={() => undefined}
        />
      )}
    </Flex>
  );
}

/** `/m/merchants/:id/edit`: 修改商户档案, from the record as last read; saved, back to its page. */
export function EditMerchantPage() {
  const t = useT();
  const navigate = useNavigate();
  const from = useFromList();
  const { id = '' } = useParams();
  const { scopeRegion, refusal } = useFormAccess();
  const load = useCallback((signal: AbortSignal) => merchantsApi.detail(id, signal), [id]);
  const { data: merchant, error, loading, reload } = useLoad(load);
  const back = () => navigate(merchantPath(id), { state: { fromList: from } });
  return (
    <Flex vertical gap={16} className="wm-merchant-form-page">
      <PageHeading
        title={t('merchants.form.editTitle')}
        intro={merchant ? `${merchant.merchantNo} · ${merchant.name}` : undefined}
      />
      {refusal}
      {!refusal && error !== undefined && <LoadFailure error={error} onRetry={reload} />}
      {!refusal && loading && <Skeleton active />}
      {!refusal && !loading && merchant?.id === id && (
        <EditForm merchant={merchant} scopeRegion={scopeRegion} onSaved={back} onCancel={back} onReload={reload} />
      )}
    </Flex>
  );
}

/** Keyed by the revision: a reload after a refusal starts the form over from the record as it now is. */
function EditForm(props: {
  merchant: Merchant;
  scopeRegion: string;
  onSaved: () => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { merchant, ...rest } = props;
  return <MerchantForm key={`${merchant.id}:${merchant.revision}`} editing={merchant} {...rest} />;
}
