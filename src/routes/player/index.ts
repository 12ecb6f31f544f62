export { PlayerScreen } from './PlayerScreen';
