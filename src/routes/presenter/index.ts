export { PresenterScreen } from './PresenterScreen';
