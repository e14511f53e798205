import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Card, Col, Flex, Row, Skeleton } from 'antd';
import { useCallback, useMemo } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { sessionPermissions } from '../../../app/auth/permissions.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { LoadFailure } from '../../../app/LoadFailure.tsx';
import { modulePath } from '../../../app/modules.ts';
import { useLoad } from '../../../app/useLoad.ts';
import { type CaseDetail, casesApi, type Department } from '../casesApi.ts';
import { CaseActionBar } from './actions/CaseActionBar.tsx';
import { CasePhotos } from './CasePhotos.tsx';
import { CaseFacts, CaseHeader, CasePointMap } from './CaseSummary.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { CaseDocuments } from './documents/CaseDocuments.tsx';

const noDepartments: Department[] = [];

/** Back to the list the user came from (same queue, filter and page), or to the queues. */
function BackToList() {
  const t = useT();
  const location = useLocation();
  const from = (location.state as { fromList?: string } | null)?.fromList ?? '';
  return (
    <Link to={`${modulePath('cases')}${from}`} className="wm-case-back" data-testid="case-back">
      <ArrowLeftOutlined /> {t('cases.back')}
    </Link>
  );
}

/** One case: where it stands, its facts and photos, its timeline, and the actions open to the user. */
export function CasePage() {
  const t = useT();
  const { message } = App.useApp();
  const { caseNo = '' } = useParams();
  const canPrint = sessionPermissions(useAuth().session).has('cases.documents.print');
  const load = useCallback((signal: AbortSignal) => casesApi.detail(caseNo, signal), [caseNo]);
  const { data: detail, error, loading, reload, setData } = useLoad<CaseDetail>(load);
  const departments = useLoad(
    useCallback((signal: AbortSignal) => casesApi.departments(signal).then((r) => r.items), []),
  );
  const departmentList = departments.data ?? noDepartments;
  const departmentName = useCallback(
    (key: string) => departmentList.find((d) => d.key === key)?.name ?? key,
    [departmentList],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: the clock is judged at each new reading of the case.
  const now = useMemo(() => Date.now(), [detail]);

  return (
    <Flex vertical gap={16}>
      <div>
        <BackToList />
      </div>
      {error !== undefined && <LoadFailure error={error} onRetry={reload} />}
      {!detail && loading && <Skeleton active />}
      {detail && detail.caseNo === caseNo && (
        <>
          <Card>
            <Flex vertical gap={16}>
              <CaseHeader detail={detail} now={now} />
              <CaseActionBar
                detail={detail}
                departments={departmentList}
                onUpdated={setData}
                onConflict={(conflict) => {
                  message.warning(
                    conflict.code === 'stale_revision' ? t('cases.stale') : conflict.message || t('cases.stale'),
                  );
                  reload();
                }}
              />
            </Flex>
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={14}>
              <Flex vertical gap={16}>
                <Card title={t('cases.factsTitle')}>
                  <CaseFacts detail={detail} departmentName={departmentName} />
                  <CasePointMap detail={detail} />
                </Card>
                <Card title={t('cases.photosTitle')}>
                  <CasePhotos photos={detail.photos} />
                </Card>
                {canPrint && (
                  <Card title={t('cases.documents.title')}>
                    <CaseDocuments caseNo={detail.caseNo} dispatched={detail.department !== null} />
                  </Card>
                )}
              </Flex>
            </Col>
            <Col xs={24} lg={10}>
              <Card title={t('cases.timeline')}>
                <CaseTimeline events={detail.events} departmentName={departmentName} />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Flex>
  );
}
