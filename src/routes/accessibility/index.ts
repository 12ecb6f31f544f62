export { AccessibilityScreen } from './AccessibilityScreen';
