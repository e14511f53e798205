import { Col, Flex, Row } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageHeading } from '../PageHeading.tsx';
import { MfaCard } from './MfaCard.tsx';
import { PasswordCard } from './PasswordCard.tsx';
import { ProfileCard } from './ProfileCard.tsx';
import { SessionsCard } from './SessionsCard.tsx';

/** `/account`: who I am, my password, my authenticator and where I am signed in. */
export function AccountPage() {
  const t = useT();
  // Changing the password can end the other sessions: the list is read again afterwards.
  const [sessionsVersion, setSessionsVersion] = useState(0);
  return (
    <Flex vertical gap={16} data-testid="account-page">
      <PageHeading title={t('account.title')} intro={t('account.intro')} />
      <ProfileCard />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <PasswordCard onChanged={() => setSessionsVersion((n) => n + 1)} />
        </Col>
        <Col xs={24} lg={12}>
          <MfaCard />
        </Col>
      </Row>
      <SessionsCard key={sessionsVersion} />
    </Flex>
  );
}
