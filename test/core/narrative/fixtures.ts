import { getFormat } from '../../../src/core/formats';
import { emptyReport, type ReportData } from '../../../src/core/model/report';
import { defaultProfile } from '../../../src/core/narrative/profile';
import type { ReportProfile } from '../../../src/core/narrative/types';

/** The published 2020 report of 哭泉镇 (/work/shared/samples/kuquan-2020.txt): format 2019, every figure 0. */
export function kuquanData(): ReportData {
  return emptyReport(getFormat('2019')!, 2020, '哭泉镇人民政府', 0);
}

/** Its inputs outside the tables: 65 条 主动公开, channels as named in the sample. */
export function kuquanProfile(data: ReportData = kuquanData()): ReportProfile {
  const p = defaultProfile(data, 'township');
  p.proactive = { items: 65, channels: ['县政府网站', '微信公众号“哭泉发布”', '镇村两级政务公开栏'] };
  return p;
}

/** A consistent 2021-format report of a county government with figures in every table. */
export function countyData2023(): ReportData {
  const d = emptyReport(getFormat('2021')!, 2023, '某某县人民政府', 0);
  d.table2.normative_documents = { issued: 3, repealed: 1, in_force: 25 };
  d.table2.administrative_licensing = { decisions: 120 };
  d.table2.administrative_penalty = { decisions: 8 };
  d.table2.administrative_fees = { amount: 1.25 };
  const row = (np: number, ce: number, other: number) => ({
    natural_person: np, commercial_enterprise: ce, research_institution: 0, social_welfare_org: 0,
    legal_service_org: 0, other_org: other, total: np + ce + other,
  });
  d.table3.new_received = row(10, 2, 1);
  d.table3.carried_over = row(1, 0, 0);
  d.table3.granted = row(5, 1, 0);
  d.table3.partial_grant = row(1, 0, 0);
  d.table3.denied_process_info = row(1, 0, 0);
  d.table3.unable_not_held = row(2, 1, 1);
  d.table3.not_processed_repeat = row(1, 0, 0);
  d.table3.total_processed = row(10, 2, 1);
  d.table3.carried_forward = row(1, 0, 0);
  d.table4.admin_review = { upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 };
  d.table4.litigation_direct = { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 };
  return d;
}

export function countyProfile2023(data: ReportData = countyData2023()): ReportProfile {
  const p = defaultProfile(data, 'government');
  p.proactive = { items: 1532, channels: ['县政府门户网站', '政务新媒体', '政务公开栏'] };
  p.processingFee = { cases: 0, amountYuan: 0 };
  return p;
}
