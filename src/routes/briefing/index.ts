export { BriefingScreen } from './BriefingScreen';
