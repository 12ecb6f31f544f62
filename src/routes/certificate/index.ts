export { CertificateScreen } from './CertificateScreen';
