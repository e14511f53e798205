import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useAuth } from '../../app/auth/AuthProvider.tsx';
import { useT } from '../../app/i18n/I18nProvider.tsx';
import { RegionPicker } from '../../app/regions/RegionPicker.tsx';

/** The account fields shared by the create and edit dialogs. */
export interface UserFormValues {
  loginId: string;
  displayName: string;
  scopeRegion: string;
  department?: string;
  phone?: string;
  expiresAt?: Dayjs | null;
}

/** Mainland mobile numbers; the server checks them again (platform/validation). */
const mobilePattern = /^1[3-9]\d{9}$/;

/** An account expiry date means "usable through that day" (Asia/Shanghai office days). */
export function expiryToIso(date: Dayjs | null | undefined): string | undefined {
  return date ? date.endOf('day').toISOString() : undefined;
}

export function expiryFromIso(iso: string | null): Dayjs | null {
  return iso ? dayjs(iso) : null;
}

export function UserFormFields({ phonePlaceholder }: { phonePlaceholder?: string }) {
  const t = useT();
  const { session } = useAuth();
  // An administrator can only give scopes inside their own (the server refuses others).
  const root = session.status === 'signed-in' ? session.user.scopeRegion : '';
  return (
    <>
      <Form.Item
        label={t('users.displayName')}
        name="displayName"
        rules={[{ required: true, whitespace: true, max: 40, message: t('users.displayNameRequired') }]}
      >
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item
        label={t('users.scope')}
        name="scopeRegion"
        extra={t('users.scopeHint')}
        rules={[{ required: true, message: t('users.scopeRequired') }]}
      >
        <RegionPicker root={root} />
      </Form.Item>
      <Form.Item label={t('users.department')} name="department" rules={[{ max: 60 }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item
        label={t('users.phone')}
        name="phone"
        rules={[{ pattern: mobilePattern, message: t('users.phoneInvalid') }]}
      >
        <Input inputMode="tel" autoComplete="off" maxLength={11} placeholder={phonePlaceholder} />
      </Form.Item>
      <Form.Item label={t('users.expiresAt')} name="expiresAt" extra={t('users.expiresHint')}>
        <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
      </Form.Item>
    </>
  );
}
