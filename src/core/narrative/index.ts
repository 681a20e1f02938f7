export * from './types';
export { generateReport } from './generate';
export { defaultProfile, inferOrgType, TEXT_KEYS, GOVERNMENT_ONLY } from './profile';
export { formatNumber, cellText } from './figures';
export { buildDocTable, describeCell } from './tables';
