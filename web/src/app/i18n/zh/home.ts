/** The signed-in home (work first) and the menu's planned modules. */
export const homeZh = {
  'home.greeting': '{name}，您好',
  'home.workIntro': '以下是您今天要办的事。',
  'home.todosTitle': '待办事项',
  'home.todosEmpty': '没有未办结的待办。',
  'home.todosAll': '全部消息与待办',
  'home.todosMore': '另有 {count} 项',
  'home.todoOpen': '打开',
  'home.otherModules': '我的功能',
  'home.plannedTitle': '规划中',
  'home.plannedIntro': '以下功能正在建设，上线后将为您的岗位提供服务。',
  'home.nothingYet': '您的岗位暂无已上线的功能。',
  'nav.planned': '规划中',
} as const;
