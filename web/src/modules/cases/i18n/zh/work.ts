/** The staff home's to-do counts, the search across states and the map's legend (issue #12 part 6). */
export const caseWorkZh = {
  'cases.queue.escalated': '督办',
  'cases.search.allStates': '在全部状态的案件中查找“{q}”（不限页签，仅限您可查看的范围）',
  'cases.search.clear': '清除查找',
  'cases.work.title': '我的待办',
  'cases.work.intro': '各环节等待您处理的案件数，点击进入对应列表。',
  'cases.work.open': '打开“{queue}”列表，{count} 件',
  'cases.work.capped': '{count}+',
  'cases.work.none': '您的岗位暂无案件待办。',
  'cases.work.evaluation': '综合评价',
  'cases.work.evaluationHint': '结案率、按期结案率、返工率、满意度及各乡镇、部门排名',
  'cases.work.allCases': '全部案件',
  'cases.work.map': '案件地图',
  'cases.map.legendTitle': '图例（颜色与形状均区分状态）',
} as const;
