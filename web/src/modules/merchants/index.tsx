import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { MerchantPage } from './detail/MerchantPage.tsx';
import { EditMerchantPage, RegisterMerchantPage } from './form/MerchantFormPage.tsx';
import { MerchantListPage } from './registry/MerchantListPage.tsx';
import './merchants.css';

/**
 * 商户与门前三包, the registry (一户一档): `/m/merchants` the filtered list, `/m/merchants/new` registration,
 * `/m/merchants/:id` one merchant, `/m/merchants/:id/edit` its edit.
 */
export default function MerchantsModule() {
  return (
    <Routes>
      <Route index element={<MerchantListPage />} />
      <Route path="new" element={<RegisterMerchantPage />} />
      <Route path=":id" element={<MerchantPage />} />
      <Route path=":id/edit" element={<EditMerchantPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
