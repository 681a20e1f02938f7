export { OfficeWorkbook, createOfficeWorkbook, uniqueSheetName, META_NAME, META_PROPERTY, MARKS_NAME_PREFIX, PRINT_AREA_NAME } from './OfficeWorkbook';
export type { OfficeWorkbookOptions } from './OfficeWorkbook';
export type { ExcelHost, HostContext, IsSetSupported } from './host';
export { asExcelInput, charsToPoints } from './encode';
export { CELL_STYLES, MARK_FILLS } from './styles';
