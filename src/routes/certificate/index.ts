export { CertificateScreen } from './CertificateScreen';
export { CheckCertificateScreen } from './CheckCertificateScreen';
