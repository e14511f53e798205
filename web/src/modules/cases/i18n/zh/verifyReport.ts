/** 核实: a report checked on site before 立案 (the 待核实 queue, its two actions, the per-source setting). */
export const caseVerifyReportZh = {
  'cases.status.verifying': '待核实',
  'cases.queue.verify_report': '待核实',
  'cases.clockStage.verify_report': '核实',
  'cases.photoStage.verify_report': '核实照片',

  'cases.event.send_to_verify': '送监督员核实（属实后回受理员立案）',
  'cases.event.confirm_report': '核实属实，回受理员立案',
  'cases.event.refute_report': '核实不属实',

  'cases.action.sendToVerify': '送核实',
  'cases.done.sendToVerify': '已送监督员现场核实。核实属实后案件回到待受理，由受理员再立案；不属实则不予立案。',
  'cases.action.verifyReport': '现场核实',
  'cases.withheld.verifyReport': '本案由您上报，核实须由其他监督员进行。',
  'cases.form.verifyReportResult': '核实结论',
  'cases.form.confirmed': '属实，交受理员立案',
  'cases.form.refuted': '不属实，不予立案',
  'cases.form.finding': '现场情况',
  'cases.form.findingRequired': '不属实时请写明现场情况（将告知上报人）',
  'cases.form.sendToVerifyNote': '请监督员核实的要点',

  'cases.settings.verifyReport.title': '立案前现场核实',
  'cases.settings.verifyReport.intro':
    '选中的来源上报的案件先进入“待核实”，由所在乡镇（街道）的监督员到现场核实：属实的交受理员立案，不属实的不予立案。已上报的案件不受影响。',
  'cases.settings.verifyReport.source.citizen': '群众随手拍',
  'cases.settings.verifyReport.source.hotline': '12345 热线',
  'cases.settings.verifyReport.source.open311': '对接系统（Open311）',
  'cases.settings.verifyReport.source.patrol': '监督员巡查',
  'cases.settings.verifyReport.source.volunteer': '志愿者',
  'cases.settings.verifyReport.source.other': '其他工作人员',
  'cases.settings.verifyReport.save': '保存',
  'cases.settings.verifyReport.saved': '已保存，新上报的案件按此设置进入核实',
  'cases.settings.verifyReport.loadFailed': '读取设置失败',
  'cases.settings.open': '案件设置',
} as const;
