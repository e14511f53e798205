/**
 * Chinese password habits for the strength estimator (zxcvbn-ts ships no Chinese dictionary). Ranked lists,
 * most common first: the rank is what an attacker's guess list would try first. Sources: the patterns that
 * lead every published analysis of the large Chinese leaks (CSDN, Tianya, 12306): keypad runs, 520/1314 love
 * numbers, pinyin names and words, lucky numbers. Dates (yyyymmdd, yymmdd) are found by zxcvbn's own date
 * matcher and phone-like numbers by `mobileNumberMatcher` (password-strength.ts).
 */

/** Whole passwords and number memes ("passwords" in the name gives zxcvbn's common-password warning). */
const passwords = [
  '123456789', '12345678', '11111111', '00000000', '123123123', '1234567890', '88888888', '111111111', '147258369',
  '987654321', 'aaaaaaaa', '66666666', 'a123456789', '11223344', '1qaz2wsx', '789456123', '87654321', 'qqqqqqqq',
  'qq123456', '31415926', '12344321', 'qwertyuiop', '1q2w3e4r', '123456abc', '123654789', '12121212', 'qazwsxedc',
  'abcd1234', '12341234', '110110110', 'asdasdasd', '123321123', 'abc123456', 'a12345678', 'a1234567', '1234qwer',
  'qwe123456', '123456789a', '5201314', '1314520', '5211314', '1314521', '520520', '521521', '520521', '7758521',
  '584520', '1314', '520', '521', '5201314520', '25184', '3344', '1711', '168', '1688', '518', '8888', '6666', '9999',
  '888888', '666666', '999999', '168168', '518518', '147258', '159357', '741852963', '258369', '123456a', 'aa123456',
  'woaini1314', 'woaini520', 'woaini521', 'aini1314', 'aini520', 'iloveyou1314', 'love1314', 'love520', 'qq5201314',
  '10086', '10010', '12306', '95588', '110', '119', '120', '12315', '12345',
];

/** Pinyin surnames, given names and the commonest full names ("names" in the name gives zxcvbn's name warning). */
const names = [
  'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo',
  'he', 'gao', 'lin', 'luo', 'zheng', 'liang', 'xie', 'song', 'tang', 'han', 'feng', 'deng', 'cao', 'peng', 'zeng',
  'xiao', 'tian', 'dong', 'pan', 'yuan', 'cai', 'jiang', 'yu', 'du', 'ye', 'cheng', 'wei', 'su', 'lu', 'ding', 'ren',
  'shen', 'yao', 'cui', 'zhong', 'tan', 'fan', 'jin', 'shi', 'liao', 'jia', 'xia', 'fu', 'fang', 'bai', 'zou', 'meng',
  'xiong', 'qin', 'qiu', 'yin', 'xue', 'yan', 'duan', 'lei', 'hou', 'long', 'tao', 'gu', 'mao', 'hao', 'gong', 'shao',
  'wan', 'qian', 'dai', 'mo', 'kong', 'xiang', 'chang', 'ouyang', 'situ', 'zhuge', 'shangguan',
  'zhangwei', 'wangwei', 'wangfang', 'liwei', 'lina', 'zhangmin', 'lijing', 'wangjing', 'liuwei', 'wangxiuying',
  'zhangli', 'lixiuying', 'wangli', 'zhangjing', 'zhangxiuying', 'liqiang', 'wangmin', 'limin', 'wanglei', 'liuyang',
  'wangyan', 'wangyong', 'lijun', 'zhangyong', 'lijie', 'zhangjie', 'zhanglei', 'wangqiang', 'lijuan', 'wangjun',
  'zhangyan', 'zhangtao', 'wangtao', 'liyan', 'wangchao', 'liming', 'liyong', 'wangjuan', 'liujie', 'liumin', 'lixia',
  'lili', 'zhangjun', 'wangjie', 'zhangqiang', 'wangping', 'liuyan', 'liping', 'chenjing', 'chenwei', 'yangyang',
  'fang', 'na', 'min', 'jing', 'qiang', 'jun', 'yong', 'jie', 'ming', 'chao', 'xiulan', 'ping', 'gang', 'gui', 'ying',
  'hua', 'hui', 'jian', 'bo', 'ning', 'hong', 'dan', 'xin', 'yi', 'yun', 'lan', 'mei', 'qing', 'ling', 'juan', 'xiuying',
  'xiaoming', 'xiaohong', 'xiaoli', 'xiaoyan', 'xiaojun', 'xiaowei', 'zhiqiang', 'jianguo', 'jianhua', 'guoqiang',
  'haiyan', 'jianjun', 'weiwei', 'tingting', 'yanyan', 'guiying', 'yuying', 'guilan', 'xiuzhen', 'fengying', 'shuzhen',
  'guifang', 'yulan', 'guizhi', 'dandan', 'lingling', 'jingjing', 'xiaoxiao', 'jiajia', 'haha', 'huahua', 'mingming',
];

/** Pinyin words people build passwords from: love, family, luck, places, the job itself. */
const pinyinWords = [
  'woaini', 'aini', 'wohenni', 'woxiangni', 'xiangni', 'baobao', 'baobei', 'laopo', 'laogong', 'qinai', 'qinqin',
  'xiaobao', 'xiaobai', 'tiantian', 'kuaile', 'xingfu', 'pingan', 'shengri', 'zhufu', 'pengyou', 'aiqing', 'yongyuan',
  'yisheng', 'yishi', 'zhenai', 'mengmeng', 'lele', 'dudu', 'doudou', 'nini', 'xixi', 'hehe', 'jiayou', 'fendou',
  'niubi', 'tianshi', 'mima', 'yonghu', 'zhanghao', 'denglu', 'guanli', 'guanliyuan', 'xitong', 'anquan', 'shenji',
  'wangluo', 'diannao', 'shouji', 'dianhua', 'zhongguo', 'beijing', 'shanghai', 'guangzhou', 'shenzhen', 'hunan',
  'changsha', 'zhuzhou', 'yanling', 'shennong', 'hangzhou', 'nanjing', 'wuhan', 'chengdu', 'chongqing', 'tianjin',
  'xian', 'zhengzhou', 'wenming', 'chuangwen', 'shequ', 'jiedao', 'zhengfu', 'dangyuan', 'renmin', 'gongzuo', 'xuexi',
  'huawei', 'xiaomi', 'tengxun', 'taobao', 'weixin', 'zhifubao', 'baidu', 'qqqq', 'facai', 'dafa', 'shunli', 'jixiang',
];

export const chineseDictionaries: Record<string, string[]> = {
  'passwords-cn': passwords,
  'names-cn': names,
  'pinyin-cn': pinyinWords,
};
