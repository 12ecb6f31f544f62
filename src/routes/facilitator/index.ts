export { FacilitatorStartScreen } from './StartScreen';
export { ConsoleScreen } from './ConsoleScreen';
