import { lazy, Suspense } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { BrowserRouter, HashRouter, Route, Routes } from 'react-router';
import { Layout } from './Layout';
import { HomeScreen } from '../routes/home';
import { NotFoundScreen } from '../routes/not-found';
import { Loading } from '../components/layout/Spinner';
import { RouteErrorBoundary } from './ErrorBoundary';

// Everything but the home is a lazy chunk; each preloads its strings with its code.
const screen = <T,>(load: () => Promise<T>, pick: (m: T) => React.ComponentType) =>
  lazy(() => load().then((m) => ({ default: pick(m) })));
const PageScreen = screen(() => import('../routes/pages'), (m) => m.PageScreen);
const BriefingScreen = screen(() => import('../routes/briefing'), (m) => m.BriefingScreen);
const PlayerScreen = screen(() => import('../routes/player'), (m) => m.PlayerScreen);
const DebriefScreen = screen(() => import('../routes/debrief'), (m) => m.DebriefScreen);
const CertificateScreen = screen(() => import('../routes/certificate'), (m) => m.CertificateScreen);
const CheckCertificateScreen = screen(() => import('../routes/certificate'), (m) => m.CheckCertificateScreen);
const SettingsScreen = screen(() => import('../routes/settings'), (m) => m.SettingsScreen);
const AccessibilityScreen = screen(() => import('../routes/accessibility'), (m) => m.AccessibilityScreen);
const RecordsScreen = screen(() => import('../routes/records'), (m) => m.RecordsScreen);
const SupervisorReportScreen = screen(() => import('../routes/supervisor-report'), (m) => m.SupervisorReportScreen);
const FacilitatorStartScreen = screen(() => import('../routes/facilitator'), (m) => m.FacilitatorStartScreen);
const ConsoleScreen = screen(() => import('../routes/facilitator'), (m) => m.ConsoleScreen);
const PresenterScreen = screen(() => import('../routes/presenter'), (m) => m.PresenterScreen);

// A packaged build (SCORM, cmi5) runs from any LMS folder with a relative base: routes go in the hash there.
export const hashRoutes = import.meta.env.BASE_URL.startsWith('.');
const Router = hashRoutes ? HashRouter : BrowserRouter;

/** The screens inside the page frame; the router around them is the caller's (a static one when pre-rendering). */
export function AppScreens() {
  return (
    <Layout>
      <RouteErrorBoundary>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<HomeScreen />} />
            <Route path="/introduction/:pageId" element={<PageScreen />} />
            <Route path="/scenario/:scenarioId" element={<BriefingScreen />} />
            <Route path="/scenario/:scenarioId/play" element={<PlayerScreen />} />
            <Route path="/scenario/:scenarioId/debrief/:attemptId" element={<DebriefScreen />} />
            <Route path="/certificate" element={<CertificateScreen />} />
            <Route path="/check-certificate" element={<CheckCertificateScreen />} />
            <Route path="/settings" element={<SettingsScreen />} />
            <Route path="/accessibility" element={<AccessibilityScreen />} />
            <Route path="/records" element={<RecordsScreen />} />
            <Route path="/supervisor-report" element={<SupervisorReportScreen />} />
            <Route path="/facilitator" element={<FacilitatorStartScreen />} />
            <Route path="/facilitator/:sessionId" element={<ConsoleScreen />} />
            <Route path="/presenter/:sessionId" element={<PresenterScreen />} />
            <Route path="*" element={<NotFoundScreen />} />
          </Routes>
        </Suspense>
      </RouteErrorBoundary>
    </Layout>
  );
}

export function App({ i18n }: { i18n: I18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <Router>
        <AppScreens />
      </Router>
    </I18nextProvider>
  );
}
