/**
 * The SMS gateway adapter: the one call the sender makes to a provider, shaped on what Chinese SMS gateways take.
 *
 * Both large providers send only **pre-approved templates**: the message is a 签名 (sign name, shown as
 * 【…】 before the text and approved with the sender's credentials) plus a 模板 (template, approved text with
 * variables) plus the variables' values — never free text:
 *
 * - Aliyun 短信服务 `SendSms` (Dysmsapi 2017-05-25, https://help.aliyun.com/document_detail/55284.html):
 *   `PhoneNumbers`, `SignName`, `TemplateCode` (e.g. `SMS_15305****`), `TemplateParam` as a JSON object of the
 *   template's `${name}` variables; answers `Code` (`OK`) and `BizId`. The page warns that the API is **not
 *   idempotent** ("请您做好幂等控制") and that after a timeout the receipt should be checked before retrying.
 * - Tencent Cloud 短信 `SendSms` (2021-01-11, https://cloud.tencent.com/document/api/382/55981):
 *   `PhoneNumberSet` (E.164, `+86…`), `SmsSdkAppId`, `SignName`, `TemplateId`, `TemplateParamSet` — the values
 *   as an ordered array for the template's `{1}`, `{2}`, …; answers a `SerialNo` per number.
 *
 * So a request names the template by the provider's id and passes named parameters; an adapter for Tencent
 * orders them by the template's declared parameter list (`SmsTemplate.params`). Links may not be variables
 * (Aliyun's template rules allow a fixed, ICP-registered address with a variable path at most), which is why
 * templates write `{site}/track/${caseNo}` with the site fixed per installation (sms-templates.ts).
 *
 * Because the providers are not idempotent, the sender claims a message before calling `send` and records the
 * outcome after (send-sms.ts): a message is handed to the gateway once per attempt, and only a crash between
 * the call and the record can repeat it (after its claim's lease runs out).
 */
export interface SmsSendRequest {
  /** The recipient, 11-digit mainland mobile; in memory only for the call, sealed everywhere else. */
  phone: string;
  /** 签名: the approved sign name, without the 【】. */
  signName: string;
  /** The provider's template id (Aliyun `TemplateCode`, Tencent `TemplateId`). */
  templateCode: string;
  /** Named values of the template's variables, already checked against the template (sms-templates.ts). */
  params: Readonly<Record<string, string>>;
}

export interface SmsAccepted {
  ok: true;
  /** Aliyun `BizId`, Tencent `SerialNo`: how the provider's receipts name the message. */
  providerMessageId: string;
}

/**
 * A refusal or an error. `retryable`: worth another attempt later (timeouts, throttling, a provider's
 * 5xx); not retryable: the same request will fail again (an unapproved template, an invalid number, a
 * blacklisted recipient), so the message goes straight to `dead`.
 */
export interface SmsFailed {
  ok: false;
  retryable: boolean;
  /** The provider's code (`isv.MOBILE_NUMBER_ILLEGAL`, `FailedOperation.TemplateIncorrectOrUnapproved`) or ours. */
  code: string;
  /** For the operator; never the phone number. */
  message: string;
}

export type SmsSendResult = SmsAccepted | SmsFailed;

/**
 * What every adapter implements. `send` never throws for a provider's answer: it returns `SmsFailed`. An
 * exception (a bug, a lost connection) is treated by the sender as a retryable failure.
 */
export interface SmsGateway {
  /** Shown on the operator page and in logs: 'local', 'aliyun', 'tencent'. */
  readonly kind: string;
  send(request: SmsSendRequest): Promise<SmsSendResult>;
}

export const smsFailure = (code: string, message: string, retryable: boolean): SmsFailed => ({
  ok: false,
  retryable,
  code,
  message,
});
