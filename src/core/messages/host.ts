/**
 * Where the pane runs, in the user's words (复制诊断信息 says it), and the few words of the WPS
 * add-in's entry page. The ribbon's own labels are in src/wps-addin/ribbon.xml (WPS reads them there).
 */

export type HostKindName = 'excel' | 'wps' | 'browser' | 'offline';

/** 复制诊断信息: which host the pane ran in */
export const HOST_NAMES: Record<HostKindName, string> = {
  excel: '在 Excel 中',
  wps: '在 WPS 表格中',
  browser: '在浏览器中',
  offline: '在浏览器中（未加载 office.js）',
};

/** the WPS add-in: the task pane's title, and what the entry page says when WPS cannot open the pane */
export const WPS_ADDIN = {
  taskPaneTitle: '政务公开年报助手',
  paneFailed: (reason: string) => `政务公开年报助手的任务窗格未能打开：${reason}`,
};
