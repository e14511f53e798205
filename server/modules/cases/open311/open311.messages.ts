import { registerMessages } from '../../../platform/i18n/translate.ts';

/** Open311 GeoReport v2 messages (error descriptions and discovery texts). Registered on import. */
const zh = {
  'what.open311_jurisdiction': '辖区（jurisdiction_id）',
  'what.open311_service': '服务类型（service_code）',
  'what.open311_format': '接口或格式（仅支持 .json 与 .xml）',
  'open311.api_key_invalid': 'api_key 缺失、无效、已吊销或已过期',
  'open311.api_key_not_permitted': '该 api_key 无权提交 Open311 服务请求',
  'open311.contact': '{county}创建文明城市工作办公室（创文办）',
  'open311.key_service': '请向{county}创文办申请 API 密钥（权限 cases.open311.submit），由安全管理员签发；提交服务请求时以 api_key 参数携带',
  'open311.service_description': '{group} · {name}（{standard} {code}）',
  'open311.service_description_legacy': '{group} · {name}（{standard} {code}；原代码 {legacy}）',
  'open311.attribute.area_m2': '面积（平方米）',
  'open311.attribute.area_m2.datatype': '大于 0 的数字，单位平方米',
  'open311.attribute.channel': '上报渠道',
  'open311.attribute.channel.datatype': '取值之一；未填写时按“其他”处理',
  'open311.channel.patrol': '巡查上报',
  'open311.channel.citizen': '市民举报',
  'open311.channel.volunteer': '志愿者随手拍',
  'open311.channel.hotline': '12345 热线',
  'open311.channel.other': '其他',
} as const;

const en: Record<keyof typeof zh, string> = {
  'what.open311_jurisdiction': 'Jurisdiction (jurisdiction_id)',
  'what.open311_service': 'Service (service_code)',
  'what.open311_format': 'Method or format (only .json and .xml)',
  'open311.api_key_invalid': 'api_key is missing, invalid, revoked or expired',
  'open311.api_key_not_permitted': 'This api_key may not submit Open311 service requests',
  'open311.contact': 'Civilized City Campaign Office of {county} (创文办)',
  'open311.key_service': 'Ask the {county} campaign office for an API key (permission cases.open311.submit), issued by the security administrator; send it as the api_key parameter when posting service requests',
  'open311.service_description': '{group} · {name} ({standard} {code})',
  'open311.service_description_legacy': '{group} · {name} ({standard} {code}; formerly {legacy})',
  'open311.attribute.area_m2': 'Area (square metres)',
  'open311.attribute.area_m2.datatype': 'A number greater than 0, in square metres',
  'open311.attribute.channel': 'Reporting channel',
  'open311.attribute.channel.datatype': 'One of the values; "other" when absent',
  'open311.channel.patrol': 'Inspector patrol',
  'open311.channel.citizen': 'Citizen report',
  'open311.channel.volunteer': 'Volunteer snapshot',
  'open311.channel.hotline': '12345 hotline',
  'open311.channel.other': 'Other',
};

registerMessages({ zh, en });
