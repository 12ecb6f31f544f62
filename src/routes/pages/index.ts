export { PageScreen } from './PageScreen';
