/**
 * A report in traditional characters (a mirror or a Hong Kong/Taiwan-style reprint of a page) read
 * with the official labels: the traditional forms of the characters the labels, headings and titles
 * use are written in their simplified forms. Only a text that is written in traditional characters
 * is converted; figures are not touched.
 */

const TRADITIONAL = '佈佔併來侖係俠倉個們倫偉側偵傑備傳債傷傾僅價儀億優兇兒內兩冊凈則剛創劃劇劉勁動務勞勢勵勸區協卻厲參叄員問啟喚單嚴國圍園圖團執堅報場塊塗壓壞壯壽夠夢奪奮婦媽孫學實寧審寫寬將專尋對導屆屍層屬岡島峽嶺師帳帶幣幫幹庫廟廠廢廣廳強彈彎彙後徑從復徵徹態慣憲應懷懸戀戰戶採揚換損搶擁擇擊擔據擬擴擾攝敗敘敵數斂斷於時晉暫曆書會東査條業極榮構槍樂樓標樣橋機檔檢欄權歡歲歷歸殘殺毀氣決沒況洶測滿漢濟灣災為無燈營爐爭爾牆牽犧狀狹獄獎獨獲現瑣環產畢畫異當疊療癒發盜盡監盤眾確礎祕禍禦禮稅種稱積穩窮競筆筍節範築簡簽籌糧糾紀約紅納紙級紛細終組結絕絡給統絲經綜綠維網緊緒線緣編練縣縮總績織繩繪繫繳繼續纔纜罰罷羅義聖聞聯聲職聽肅脅脫腦臉臨與興舉舊艱莊萬葉蓋藝藥蘇蘭處虛號蟲衆術衛衝裏補裝製複襲見規視親覺覽觀訂計訊記訟訪設許訴評詞詢試詩話該詳誌認誠誤說誰課調談請論諮諾謀講謝謹證識譯議護讀變讓讚豐貝貞負財貨貫責貴買費貿資賠賣質賴購賽趙趨跡踐躍車較載輔輕輪輯輸轉辦辭農迴這連週進運過達違遞遠適選遺遼還邊邏鄉鄭鄰醫釋針銀鋒鋪錄錢鍵鎮鐵長門閉開閒間閱關闡陳陸陽隊階際隨險隱雖雙雜離難雲電靜響頁項順須預頒領頭頻題額類顧顯風飛飯餘館馬驅驗體髮鬥鬧魯鳥鹽麥黃點黨齊齒齡龍龐';
const SIMPLIFIED = '布占并来仑系侠仓个们伦伟侧侦杰备传债伤倾仅价仪亿优凶儿内两册净则刚创划剧刘劲动务劳势励劝区协却厉参叁员问启唤单严国围园图团执坚报场块涂压坏壮寿够梦夺奋妇妈孙学实宁审写宽将专寻对导届尸层属冈岛峡岭师帐带币帮干库庙厂废广厅强弹弯汇后径从复征彻态惯宪应怀悬恋战户采扬换损抢拥择击担据拟扩扰摄败叙敌数敛断于时晋暂历书会东查条业极荣构枪乐楼标样桥机档检栏权欢岁历归残杀毁气决没况汹测满汉济湾灾为无灯营炉争尔墙牵牺状狭狱奖独获现琐环产毕画异当叠疗愈发盗尽监盘众确础秘祸御礼税种称积稳穷竞笔笋节范筑简签筹粮纠纪约红纳纸级纷细终组结绝络给统丝经综绿维网紧绪线缘编练县缩总绩织绳绘系缴继续才缆罚罢罗义圣闻联声职听肃胁脱脑脸临与兴举旧艰庄万叶盖艺药苏兰处虚号虫众术卫冲里补装制复袭见规视亲觉览观订计讯记讼访设许诉评词询试诗话该详志认诚误说谁课调谈请论咨诺谋讲谢谨证识译议护读变让赞丰贝贞负财货贯责贵买费贸资赔卖质赖购赛赵趋迹践跃车较载辅轻轮辑输转办辞农回这连周进运过达违递远适选遗辽还边逻乡郑邻医释针银锋铺录钱键镇铁长门闭开闲间阅关阐陈陆阳队阶际随险隐虽双杂离难云电静响页项顺须预颁领头频题额类顾显风飞饭余馆马驱验体发斗闹鲁鸟盐麦黄点党齐齿龄龙庞';

const MAP = new Map<string, string>([...TRADITIONAL].map((ch, i) => [ch, [...SIMPLIFIED][i]]));

/** True when the text is written in traditional characters (many of them, a share of its CJK characters). */
export function isTraditional(text: string): boolean {
  let cjk = 0;
  let traditional = 0;
  for (const ch of text) {
    if (ch >= '\u4e00' && ch <= '\u9fff') cjk++;
    if (MAP.has(ch)) traditional++;
  }
  return traditional >= 10 && traditional >= cjk * 0.05;
}

/** The text with the traditional characters of the map in their simplified forms. */
export function toSimplified(text: string): string {
  let out = '';
  for (const ch of text) out += MAP.get(ch) ?? ch;
  return out;
}
