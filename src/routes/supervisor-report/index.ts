export { SupervisorReportScreen } from './SupervisorReportScreen';
