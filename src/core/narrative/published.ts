/**
 * 报告正文 inputs a published report states in its text (import pre-fill): 主动公开 N 条, the channels it was
 * published through, the 信息处理费 and whether every application was answered within the legal time limit.
 * Only what the text says in so many words; anything else stays for the clerk.
 */
import { PROCESSING_FEE } from '../formats/vocabulary';
import { ON_TIME_YES, type FieldKey } from '../messages/narrative';

export interface PublishedInputs {
  proactiveItems?: number;
  channels?: string[];
  feeCases?: number;
  /** 元 */
  feeAmount?: number;
  onTime?: true;
}

/** “共主动公开政府信息65条” / “主动公开各类信息1,532条” (the first statement of the text) */
const ITEMS = /主动公开(?:政府|各类|各类政府)?信息(?:共计|共|合计)?\s*(\d[\d,，]*)\s*条|共(?:计)?主动公开(?:政府|各类)?信息\s*(\d[\d,，]*)\s*条/;
/** “主要通过县政府网站和微信公众号“哭泉发布”及镇村两级政务公开栏予以公开” */
const CHANNELS = /(?:主要)?(?:通过|依托|利用)([^。；;]{2,120}?)(?:等(?:渠道|平台|方式|载体|途径))?(?:予以|进行|及时|向社会|主动)*公开(?=[。，,；;]|$)/;
const FEE_NONE = new RegExp(`(?:未|没有|无|不)(?:收取|收)(?:任何)?${PROCESSING_FEE.name}|${PROCESSING_FEE.name}(?:为|共计|合计)?\\s*0\\s*元`);
const FEE_AMOUNT = new RegExp(`${PROCESSING_FEE.name}[^。；]{0,30}?(\\d+(?:\\.\\d+)?)\\s*元`);
const FEE_CASES = new RegExp(`对\\s*(\\d+)\\s*件[^。；]{0,30}?${PROCESSING_FEE.name}`);
const ON_TIME = /均(?:已)?在法定(?:期限|时限)内(?:予以)?答复|均(?:已)?按(?:照)?法定(?:期限|时限)(?:予以)?答复|均在规定(?:期限|时限)内(?:予以)?答复/;

const num = (s: string): number => Number(s.replace(/[,，]/g, ''));

/** Splits a list of channels at 、 和 及 以及 ， outside quotes. */
function splitChannels(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '“' || ch === '《' || ch === '「') depth++;
    if ((ch === '”' || ch === '》' || ch === '」') && depth > 0) depth--;
    const two = s.slice(i, i + 2);
    if (depth === 0 && (ch === '、' || ch === '，' || ch === ',' || ch === '和' || ch === '及' || two === '以及')) {
      out.push(cur);
      cur = '';
      if (two === '以及') i++;
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out.map((c) => c.replace(/^(?:在|于|以)/, '').trim()).filter((c) => c.length >= 2);
}

/** What a published report's text says of the inputs outside the tables. */
export function publishedInputs(text: string): PublishedInputs {
  const out: PublishedInputs = {};
  const items = ITEMS.exec(text);
  if (items) {
    out.proactiveItems = num(items[1] ?? items[2]);
    // the channels: in the same sentence or the next one
    const from = items.index;
    const near = text.slice(from, from + 300).split(/(?<=[。])/).slice(0, 2).join('');
    const ch = CHANNELS.exec(near);
    if (ch) {
      const list = splitChannels(ch[1]);
      if (list.length) out.channels = list;
    }
  }
  if (FEE_NONE.test(text)) {
    out.feeAmount = 0;
    out.feeCases = 0;
  } else {
    const amount = FEE_AMOUNT.exec(text);
    if (amount) out.feeAmount = Number(amount[1]);
    const cases = FEE_CASES.exec(text);
    if (cases) out.feeCases = Number(cases[1]);
  }
  if (ON_TIME.test(text)) out.onTime = true;
  return out;
}

/** The 报告正文 fields a published report filled, with their values as written in the sheet. */
export function publishedFieldValues(found: PublishedInputs): Partial<Record<FieldKey, string | number>> {
  const out: Partial<Record<FieldKey, string | number>> = {};
  if (found.proactiveItems !== undefined) out.proactiveItems = found.proactiveItems;
  if (found.channels) out.channels = found.channels.join('、');
  if (found.feeCases !== undefined) out.feeCases = found.feeCases;
  if (found.feeAmount !== undefined) out.feeAmount = found.feeAmount;
  if (found.onTime) out.onTime = ON_TIME_YES;
  return out;
}
