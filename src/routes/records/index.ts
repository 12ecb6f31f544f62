export { RecordsScreen } from './RecordsScreen';
export { ReportingBanner } from './ReportingBanner';
