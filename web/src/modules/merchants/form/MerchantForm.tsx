import { Alert, Button, Card, Flex, Form } from 'antd';
import { useRef } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { modulePath } from '../../../app/modules.ts';
import { foodKinds, type Merchant } from '../merchantsApi.ts';
import { IdentitySection } from './IdentitySection.tsx';
import { formValuesOf, type MerchantFormValues } from './merchantForm.ts';
import { OperatorSection } from './OperatorSection.tsx';
import { PlaceSection } from './PlaceSection.tsx';
import { SupervisionSection } from './SupervisionSection.tsx';
import { type SubmitProblem, useMerchantSubmit } from './useMerchantSubmit.ts';

interface Props {
  /** The record being edited; none: a new registration. */
  editing?: Merchant;
  scopeRegion: string;
  onSaved: (merchant: Merchant) => void;
  onCancel: () => void;
  /** Reads the record again after a stale-revision refusal (the form then starts over from it). */
  onReload: () => void;
}

/** A registration's starting values: the person's own township or village when their area is one. */
function newValues(scopeRegion: string): MerchantFormValues {
  return {
    regionCode: scopeRegion.length >= 9 ? scopeRegion : undefined,
    supervised: false,
    schoolSurroundings: false,
    marketStall: false,
  };
}

/** 登记商户 / 修改商户档案: every field, sectioned, with the server's messages at their fields. */
export function MerchantForm({ editing, scopeRegion, onSaved, onCancel, onReload }: Props) {
  const t = useT();
  const [form] = Form.useForm<MerchantFormValues>();
  const { submit, submitting, problem } = useMerchantSubmit(form, editing);

  // A registration's 重点监管 follows the kind (food businesses are supervised, as the server would default it)
  // until the person sets it; a grade is dropped when the kind no longer takes one.
  // (onValuesChange hears the person only: the form's own setFieldValue does not call it, but marks the field touched.)
  const supervisedSet = useRef(editing !== undefined);
  const followKind = (changed: Partial<MerchantFormValues>) => {
    if ('supervised' in changed) supervisedSet.current = true;
    if (!changed.kind) return;
    if (!supervisedSet.current) form.setFieldValue('supervised', foodKinds.has(changed.kind));
    if (!foodKinds.has(changed.kind)) form.setFieldValue('riskGrade', undefined);
  };

  const finish = async (values: MerchantFormValues) => {
    const saved = await submit(values);
    if (saved) onSaved(saved);
  };

  return (
    <Form<MerchantFormValues>
      form={form}
      layout="vertical"
      initialValues={editing ? formValuesOf(editing) : newValues(scopeRegion)}
      onValuesChange={followKind}
      onFinish={finish}
      scrollToFirstError
      disabled={problem?.kind === 'stale'}
      data-testid="merchant-form"
    >
      <Flex vertical gap={16}>
        <Card title={t('merchants.form.identity')}>
          <IdentitySection editing={editing !== undefined} />
        </Card>
        <Card title={t('merchants.form.supervision')}>
          <SupervisionSection />
        </Card>
        <Card title={t('merchants.form.place')}>
          <PlaceSection form={form} scopeRegion={scopeRegion} />
        </Card>
        <Card title={t('merchants.form.operator')}>
          <OperatorSection form={form} editing={editing} />
        </Card>
        <ProblemNotice problem={problem} onReload={onReload} />
        <Flex gap={12} wrap className="wm-merchant-submit">
          <Button type="primary" size="large" htmlType="submit" loading={submitting} data-testid="merchant-submit">
            {editing ? t('merchants.form.save') : t('merchants.form.registerSubmit')}
          </Button>
          <Button size="large" onClick={onCancel} disabled={false}>
            {t('app.cancel')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}

/** What went wrong with a send, said once above the buttons. */
function ProblemNotice({ problem, onReload }: { problem: SubmitProblem | undefined; onReload: () => void }) {
  const t = useT();
  if (!problem || (problem.kind === 'failed' && problem.messages.length === 0)) return null;
  if (problem.kind === 'stale')
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        title={problem.message}
        description={t('merchants.form.staleHint')}
        action={
          <Button onClick={onReload} disabled={false} data-testid="merchant-stale-reload">
            {t('merchants.form.reload')}
          </Button>
        }
        data-testid="merchant-stale"
      />
    );
  if (problem.kind === 'maybeStored')
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        title={t('merchants.form.maybeStored')}
        description={<Link to={modulePath('merchants')}>{t('merchants.form.maybeStoredLink')}</Link>}
        data-testid="merchant-maybe-stored"
      />
    );
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={problem.messages.join(t('merchants.listSeparator'))}
      data-testid="merchant-failure"
    />
  );
}
