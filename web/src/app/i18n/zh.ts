import { accountZh } from './zh/account.ts';
import { adminZh } from './zh/admin.ts';
import { auditZh } from './zh/audit.ts';
import { casesZh } from './zh/cases.ts';
import { citizenZh } from './zh/citizen.ts';

/**
 * Chinese messages: the default language and the source of truth for the key set.
 * `en.ts` must carry exactly the same keys (the type and a test both check it).
 * Placeholders are written `{name}` and filled by `t(key, { name })`.
 * The shell's messages are here; each larger area keeps its own part in `zh/<area>.ts` (and `en/<area>.ts`).
 */
export const zh = {
  'app.name': '文明',
  'app.emblem': '文',
  'app.brand': '文明 · {county}创文与公共服务平台',
  'app.brandWithoutCounty': '文明 · 创文与公共服务平台',
  'app.tagline': '全国文明城市创建与公共服务一体化平台',
  'app.loading': '正在加载…',
  'app.retry': '重试',
  'app.backHome': '返回首页',

  'lang.label': '界面语言',
  'lang.zh': '中文',
  'lang.en': 'English',

  'nav.label': '功能导航',
  'nav.business': '业务模块',
  'nav.admin': '平台管理',
  'nav.openMenu': '打开导航菜单',
  'nav.home': '首页',

  'module.dashboard.label': '数据看板',
  'module.dashboard.description': '根据业务记录实时计算创文各项指标，生成数据看板与工作简报。',
  'module.cases.label': '市容案件',
  'module.cases.description':
    '占道经营、流动商贩、三乱广告、私搭乱建等市容违规案件的闭环处置：信息收集、立案、派遣、处置、反馈、核查、结案、评价。',
  'module.merchants.label': '商户与门前三包',
  'module.merchants.description': '商户档案与《门前三包责任书》签订、履责考评，星级商户与红黑榜公示。',
  'module.inspections.label': '市场监管检查',
  'module.inspections.description': '市场监管检查组对集贸市场、餐饮店、校园周边开展专项整治，跟踪整改与复查。',
  'module.volunteers.label': '志愿服务',
  'module.volunteers.description':
    '志愿者、服务队与活动管理，服务时长与星级认定，点单-派单-接单-评单，出具志愿服务记录证明。',
  'module.courtyards.label': '最美庭院',
  'module.courtyards.description':
    '按庭院美、居室美、厨厕美、身心美“四美”标准季度评选，党员干部包干，评选结果公示与异议处理。',
  'module.service-desk.label': '特殊群体服务专区',
  'module.service-desk.description':
    '政务服务中心为老年人、孕妇、残疾人、军人等特殊群体提供引导办、帮代办、上门办、预约办、授权办。',
  'module.insurance.label': '医保两病与异地结算',
  'module.insurance.description':
    '高血压、糖尿病（两病）门诊用药保障认定备案，异地就医备案与直接结算，基金清算与对账。',
  'module.projects.label': '示范园区',
  'module.projects.description': '巩固拓展脱贫攻坚成果示范园区项目的建设进度、资金与成效管理。',
  'module.system.label': '系统管理',
  'module.system.description': '人员账号的新建、编辑、停用与密码重置，由系统管理员负责（三员分立）。',
  'module.security.label': '安全管理',
  'module.security.description': '角色授权、账号解锁、API 密钥与密码登录策略，由安全管理员负责（三员分立）。',
  'module.audit.label': '审计管理',
  'module.audit.description': '查阅、校验并导出防篡改的操作审计日志，由审计管理员负责（三员分立）。',

  'comingSoon.status': '即将上线',
  'comingSoon.hint': '该模块正在建设中，上线后将在此处提供服务。',

  'status.ready': '已上线',
  'status.coming': '即将上线',

  'home.welcome': '欢迎使用文明平台',
  'home.intro': '{county}全国文明城市创建与公共服务一体化平台。',
  'home.systemTitle': '系统信息',
  'home.modulesTitle': '功能模块',
  'home.openModule': '进入{module}',

  'meta.county': '服务县域',
  'meta.countyValue': '{name}（{code}）',
  'meta.database': '数据库',
  'meta.engine.pglite': 'PGlite 嵌入式数据库',
  'meta.engine.postgres': 'PostgreSQL',
  'meta.version': '版本',
  'meta.demo': '演示模式',
  'meta.demoOn': '已开启（演示数据）',
  'meta.demoOff': '未开启',
  'meta.loadFailed': '无法获取系统信息',

  'auth.previewNotice': '身份认证将在下一版本启用',
  'auth.previewDescription': '当前为匿名预览，可浏览平台框架；登录与权限控制上线后将要求登录。',
  'auth.dismissNotice': '关闭提示',
  'auth.anonymous': '匿名预览',
  'auth.signIn': '登录',
  'auth.logout': '退出登录',
  'auth.userMenu': '用户菜单',
  'auth.unavailable': '暂时无法连接服务器',
  'auth.unavailableHint': '请检查网络连接后重试。',

  'login.title': '用户登录',
  'login.subtitle': '请使用本人账号登录',
  'login.username': '用户名',
  'login.usernameRequired': '请输入用户名',
  'login.password': '密码',
  'login.passwordRequired': '请输入密码',
  'login.showPassword': '显示密码',
  'login.submit': '登录',
  'login.submitting': '正在登录…',
  'login.help': '忘记密码请联系本单位系统管理员。',

  'error.network': '网络连接失败，请检查网络后重试。',
  'error.unexpected': '服务器返回了错误（{status}），请稍后重试。',

  'notFound.title': '页面不存在',
  'notFound.description': '您访问的页面不存在或已被移动。',

  'app.cancel': '取消',
  'app.save': '保存',
  'app.saved': '已保存',
  'app.edit': '编辑',
  'app.loadFailed': '数据加载失败',

  'table.actions': '操作',
  'table.total': '共 {total} 条',

  'forbidden.title': '无权访问',
  'forbidden.description': '您的账号没有打开此页面的权限。如需使用，请联系安全管理员授权。',

  ...accountZh,
  ...adminZh,
  ...auditZh,
  ...casesZh,
  ...citizenZh,
} as const;

export type MessageKey = keyof typeof zh;
