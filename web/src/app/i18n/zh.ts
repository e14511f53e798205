import { accountZh } from './zh/account.ts';
import { adminZh } from './zh/admin.ts';
import { homeZh } from './zh/home.ts';
import { importsZh } from './zh/imports.ts';
import { inboxZh } from './zh/inbox.ts';
import { verifyZh } from './zh/verify.ts';

/**
 * Chinese messages: the default language and the source of truth for the key set.
 * `en.ts` must carry exactly the same keys (the type and a test both check it).
 * Placeholders are written `{name}` and filled by `t(key, { name })`.
 * The shell's messages are here; each larger area keeps its own part in `zh/<area>.ts` (and `en/<area>.ts`).
 * Each module's messages live in the module (`web/src/modules/<key>/i18n/`) and reach the dictionaries through
 * its manifest (`dictionaries.ts`).
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
  'login.residents': '群众服务，无需登录',
  'login.staffBelow': '工作人员请在下方登录',

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
  ...homeZh,
  ...inboxZh,
  ...importsZh,
  ...verifyZh,
} as const;

/** The shell's own keys. */
export type ShellMessageKey = keyof typeof zh;

/**
 * Every module adds its keys here from its own `i18n/zh.ts` (declaration merging), so `t('<module>.…')` is
 * checked without the shell importing the module.
 */
// biome-ignore lint/suspicious/noEmptyInterface: the modules' keys are merged into it.
export interface ModuleMessages {}

export type MessageKey = ShellMessageKey | keyof ModuleMessages;
