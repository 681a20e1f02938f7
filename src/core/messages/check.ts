/** Messages of the whole-workbook check (shared by the pane and the command line). */
export const CHECK = {
  fillInput: (sheet: string, address: string, label: string): string => `在“${sheet}”工作表 ${address} 单元格填写“${label}”。`,
};
