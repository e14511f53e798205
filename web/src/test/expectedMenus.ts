/**
 * What each built-in role's menu offers, in the sidebar's order: the modules it can open, then those planned for
 * its post. One table for the web test (app/layout/menusByRole.test.tsx, the server's grants with a mocked API)
 * and the browser test (e2e/menus-by-role.e2e.ts, each demo account against the real server).
 */
export const expectedMenus: Readonly<Record<string, readonly string[]>> = {
  sys_admin: ['系统管理'],
  sec_admin: ['安全管理'],
  audit_admin: ['审计管理'],
  coordinator: ['市容案件', '商户与门前三包', '数据看板', '市场监管检查', '志愿服务', '最美庭院', '示范园区'],
  dispatcher: ['市容案件', '商户与门前三包'],
  inspector: ['市容案件', '商户与门前三包'],
  department: ['市容案件'],
  market_inspector: ['商户与门前三包', '市场监管检查'],
  volunteer_admin: ['志愿服务'],
  volunteer: ['市容案件', '志愿服务'],
  village_cadre: ['市容案件', '商户与门前三包', '最美庭院'],
  service_clerk: ['特殊群体服务专区'],
  insurance_clerk: ['医保两病与异地结算'],
  institution_operator: ['医保两病与异地结算'],
};
